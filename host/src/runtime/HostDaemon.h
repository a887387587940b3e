// jobhost host — HostDaemon.h
// `jobhost serve`: runs subsystems until SIGINT/SIGTERM.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "runtime/Subsystem.h"

namespace jobhost::host {

/// Owns the daemon's subsystems (scheduler now; console, export runner
/// later: add() them in dependency order). Not thread-safe: drive it from
/// the main thread.
class HostDaemon {
public:
    explicit HostDaemon(std::function<void(const std::string&)> report = {});
    ~HostDaemon();

    void add(std::unique_ptr<Subsystem> subsystem);
    /// Starts every subsystem in order; if one throws, stops those already
    /// started (reverse order) and rethrows.
    void start();
    /// Stops started subsystems in reverse order.
    void stop();
    /// start(), block until `stopRequested` returns true (polled every 100 ms), stop().
    void run(const std::function<bool()>& stopRequested);

private:
    std::function<void(const std::string&)> _report;
    std::vector<std::unique_ptr<Subsystem>> _subsystems;
    std::size_t _started = 0;
};

} // namespace jobhost::host
