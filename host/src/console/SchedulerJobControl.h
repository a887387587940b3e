// jobhost host — SchedulerJobControl.h
// "Run now" for `jobhost serve`: a manual run through the scheduler.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/JobControl.h"

namespace jobhost::host {

class Scheduler;
class Store;

/// Marks the job due now with trigger "manual" in its schedule row (the
/// same row the scheduler reads, so the run goes through the scheduler's
/// claim, worker pool and retry bookkeeping), wakes the scheduler and waits
/// up to `waitMs` for the run row to appear so the caller can follow it.
/// Thread-safe (one store session per call).
class SchedulerJobControl : public JobControl {
public:
    /// `store` and `scheduler` (may be null: then the next poll picks the job
    /// up) must outlive this object.
    SchedulerJobControl(const Store& store, Scheduler* pScheduler, int waitMs = 5000);

    /// Throws ApiException(409) when a run of the job is active or the job
    /// is paused, NotFoundException when there is no such job. Returns 0
    /// when the run did not start within waitMs (it still will).
    Poco::Int64 runNow(const std::string& job) override;

private:
    const Store& _store;
    Scheduler* _pScheduler;
    int _waitMs;
};

} // namespace jobhost::host
