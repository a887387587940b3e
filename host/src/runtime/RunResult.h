// jobhost host — RunResult.h
// What JobRunner reports about one run.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/RunRepository.h"

namespace jobhost::host {

/// status: ok | retry | failed | cancelled | busy (another run holds the
/// job; no run row was written) | lost (the run's lease expired and another
/// worker took it over; this worker recorded nothing more). Text is redacted.
struct RunResult {
    std::int64_t runId = 0;
    std::string jobName;
    std::string status;
    std::string trigger;
    std::int64_t attempt = 0;
    std::int64_t maxAttempts = 0;
    std::string failureClass;
    std::string error;
    RunCounters counters;
    std::optional<std::int64_t> nextRunAt; ///< when the job runs next (retry or schedule); empty = not scheduled
    bool ok() const { return status == "ok"; }
};

} // namespace jobhost::host
