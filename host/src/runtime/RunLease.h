// jobhost host — RunLease.h
// Keeps a job run's claim alive while the run works.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "store/Store.h"
#include "transport/Clock.h"

namespace jobhost::host {

/// The lease on job_schedule that a run's claim carries (JobRepository::claim
/// sets it, until now + leaseMs). While a RunLease lives, a thread of its own
/// renews it every leaseMs / 3 of wall time to the store clock's now +
/// leaseMs, through a session of its own. Workers that find a lease expired
/// take the run over (JobRunner::recoverAbandoned); once that happened the
/// next renewal finds the claim gone and lost() turns true for good — the
/// run must stop, and its checkpoints are refused by the store anyway
/// (HostImportContext renews in every checkpoint transaction).
///
/// Failure: a renewal that fails on a store error is retried at the next
/// period (the lease may expire meanwhile; then it is lost). Never throws
/// after construction. Thread-safe; the destructor stops and joins the thread.
class RunLease {
public:
    RunLease(const Store& store, std::shared_ptr<Clock> clock, std::int64_t jobId, std::int64_t runId, std::int64_t leaseMs);
    ~RunLease();
    RunLease(const RunLease&) = delete;
    RunLease& operator=(const RunLease&) = delete;

    /// True once a renewal found that the run no longer holds the claim.
    bool lost() const { return _lost.load(); }

private:
    void renewLoop();

    const Store& _store;
    std::shared_ptr<Clock> _pClock;
    const std::int64_t _jobId, _runId, _leaseMs;
    std::atomic<bool> _lost{false};
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
    std::thread _thread;
};

} // namespace jobhost::host
