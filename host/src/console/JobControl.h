// jobhost host — JobControl.h
// What the console asks of the scheduler: start a job now.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <Poco/Types.h>

namespace jobhost::host {

/// Implemented by whoever runs jobs in `jobhost serve` (the scheduler).
/// Called from HTTP worker threads; implementations must be thread-safe.
class JobControl {
public:
    virtual ~JobControl() = default;
    /// Starts a manual run of `job` without waiting for it to finish and
    /// returns the new run's id (0 when the run is queued and has no id
    /// yet). Throws ApiException(409) when a run of the job is already
    /// active, NotFoundException when there is no such job.
    virtual Poco::Int64 runNow(const std::string& job) = 0;
};

} // namespace jobhost::host
