// jobhost host — Subsystem.h
// A part of the `jobhost serve` daemon with a start/stop life cycle.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::host {

/// Started in registration order, stopped in reverse (scheduler before the
/// console, console stopped first). start() may throw HostException to
/// abort the daemon; stop() must not throw and must be idempotent.
class Subsystem {
public:
    virtual ~Subsystem() = default;
    virtual std::string name() const = 0;
    virtual void start() = 0;
    virtual void stop() = 0;
};

} // namespace jobhost::host
