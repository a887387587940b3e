// jobhost host — HostJobContext.h
// The plain sdk::JobContext given to Authorization::verify.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "runtime/ContextCore.h"

namespace jobhost::host {

/// A JobContext with no durable state of its own: loadState() returns the
/// core's state (empty for verify). Thread-safe; valid while its core lives.
class HostJobContext : public JobContextAdapter<sdk::JobContext> {
public:
    explicit HostJobContext(ContextCore& core) : JobContextAdapter<sdk::JobContext>(core) {}
};

} // namespace jobhost::host
