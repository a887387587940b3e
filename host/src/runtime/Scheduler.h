// jobhost host — Scheduler.h
// Starts due jobs on a worker pool: interval schedules, persisted retries,
// recovery of runs interrupted by a crash, graceful stop.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "runtime/JobRunner.h"
#include "runtime/RunObserver.h"
#include "runtime/RuntimeServices.h"
#include "runtime/WorkerPool.h"

namespace jobhost::host {

/// Due = enabled, unclaimed, next_run_at <= clock.epochMs(); next_run_at is
/// written by the runner (end + interval, or a retry time) and by apply, so
/// schedules and pending retries survive restarts. The loop thread wakes at
/// the earliest due time or every pollIntervalMs, whichever is sooner.
/// Thread-safe. Tests drive it without the loop: tick() + waitIdle().
class Scheduler {
public:
    struct Options {
        std::size_t workers = 2;
        std::int64_t pollIntervalMs = 1000;
        /// Receives one line per scheduler event (run started/ended, errors).
        std::function<void(const std::string&)> report;
        /// Observer handed to every run (may be null).
        RunObserver* pObserver = nullptr;
        /// Per-run observer once the run id is known, wrapping pObserver
        /// (see RunObserverFactory); empty = pObserver only.
        RunObserverFactory observerForRun;
    };

    Scheduler(RuntimeServices& services, Options options);
    ~Scheduler();

    /// Marks abandoned runs (see JobRunner::recoverAbandoned) and starts the
    /// worker pool and the loop thread.
    void start();
    /// Stops starting runs, sets the cancel flag that running jobs poll (they
    /// checkpoint and return), waits for them, joins the threads. Idempotent.
    void stop();
    /// One pass: starts every due job the idle workers can take. Returns how
    /// many runs it started. Creates the pool if start() was not called.
    std::size_t tick();
    /// Blocks until no run started by this scheduler is active.
    void waitIdle();
    /// Wakes the loop (e.g. after apply changed a schedule).
    void wake();

    bool stopping() const { return _stopping.load(); }
    JobRunner& runner() { return _runner; }

private:
    void loop();
    void report(const std::string& line);
    /// JobRunner::recoverAbandoned, reported; store errors are reported, not thrown.
    void recover();

    RuntimeServices& _services;
    Options _options;
    JobRunner _runner;
    std::unique_ptr<WorkerPool> _pPool;
    std::thread _loop;
    std::mutex _mutex;
    std::condition_variable _wake;
    std::set<std::int64_t> _inFlight;
    std::map<std::int64_t, std::int64_t> _holdUntil; ///< jobs whose start threw, not retried before this time
    std::atomic<bool> _stopping{false};
    bool _woken = false;
};

} // namespace jobhost::host
