// jobhost host — Scheduler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/Scheduler.h"

#include <algorithm>
#include <chrono>

#include "app/HostException.h"
#include "store/JobRepository.h"

namespace jobhost::host {

namespace {
constexpr std::int64_t kStartFailureHoldMs = 60000;
}

Scheduler::Scheduler(RuntimeServices& services, Options options)
    : _services(services), _options(std::move(options)), _runner(services, _options.observerForRun) {}

Scheduler::~Scheduler() { stop(); }

void Scheduler::report(const std::string& line) {
    if (_options.report) _options.report(line);
}

void Scheduler::recover() {
    try {
        for (const RunRecord& run : _runner.recoverAbandoned())
            report("run #" + std::to_string(run.id) + " of job " + run.jobName + " was abandoned by " + run.worker + "; rescheduled");
    } catch (const std::exception& e) {
        report(std::string("cannot look for abandoned runs: ") + e.what());
    }
}

void Scheduler::start() {
    recover();
    if (!_pPool) _pPool = std::make_unique<WorkerPool>(_options.workers);
    _loop = std::thread([this] { loop(); });
}

void Scheduler::stop() {
    bool wasStopping = _stopping.exchange(true);
    if (!wasStopping) report("stopping: running jobs checkpoint and stop");
    wake();
    if (_loop.joinable()) _loop.join();
    if (_pPool) _pPool->shutdown();
}

void Scheduler::wake() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _woken = true;
    }
    _wake.notify_all();
}

std::size_t Scheduler::tick() {
    if (_stopping) return 0;
    if (!_pPool) _pPool = std::make_unique<WorkerPool>(_options.workers);
    std::size_t idle = _pPool->idle();
    if (idle == 0) return 0;
    std::int64_t now = _services.pClock->epochMs();
    std::vector<std::int64_t> due;
    std::size_t inFlight = 0;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        inFlight = _inFlight.size();
    }
    try {
        Poco::Data::Session session = _services.store.openSession();
        due = JobRepository(session).dueJobs(now, idle + inFlight);
    } catch (const std::exception& e) {
        report(std::string("cannot read due jobs: ") + e.what());
        return 0;
    }
    std::size_t started = 0;
    for (std::int64_t jobId : due) {
        if (started >= idle) break;
        {
            std::lock_guard<std::mutex> lock(_mutex);
            auto hold = _holdUntil.find(jobId);
            if (hold != _holdUntil.end() && hold->second > now) continue;
            if (!_inFlight.insert(jobId).second) continue;
        }
        ++started;
        _pPool->submit([this, jobId] {
            try {
                RunResult result = _runner.runJob(jobId, "", _options.pObserver, [this] { return _stopping.load(); });
                std::string line = "job " + result.jobName + " run #" + std::to_string(result.runId) + " (" + result.trigger + "): " + result.status;
                if (!result.error.empty()) line += ": " + result.error;
                report(line);
            } catch (const HostException& e) {
                report("job id " + std::to_string(jobId) + " cannot start: " + e.message() + " (held for 60 s)");
                std::lock_guard<std::mutex> lock(_mutex);
                _holdUntil[jobId] = _services.pClock->epochMs() + kStartFailureHoldMs;
            } catch (const std::exception& e) {
                report("job id " + std::to_string(jobId) + " cannot start: " + e.what() + " (held for 60 s)");
                std::lock_guard<std::mutex> lock(_mutex);
                _holdUntil[jobId] = _services.pClock->epochMs() + kStartFailureHoldMs;
            }
            {
                std::lock_guard<std::mutex> lock(_mutex);
                _inFlight.erase(jobId);
            }
            wake();
        });
    }
    return started;
}

void Scheduler::waitIdle() {
    if (_pPool) _pPool->waitIdle();
}

void Scheduler::loop() {
    // Runs of workers that died here or stopped renewing their lease anywhere:
    // looked for every quarter of a lease (a lease cannot expire faster).
    const auto recoverEvery = std::chrono::milliseconds(std::max<std::int64_t>(_options.pollIntervalMs, _services.runLeaseMs / 4));
    auto lastRecovery = std::chrono::steady_clock::now();
    while (!_stopping) {
        if (std::chrono::steady_clock::now() - lastRecovery >= recoverEvery) {
            recover();
            lastRecovery = std::chrono::steady_clock::now();
        }
        tick();
        std::int64_t waitMs = _options.pollIntervalMs;
        try {
            Poco::Data::Session session = _services.store.openSession();
            if (auto next = JobRepository(session).nextDueAt())
                waitMs = std::clamp<std::int64_t>(*next - _services.pClock->epochMs(), 0, _options.pollIntervalMs);
        } catch (const std::exception& e) {
            report(std::string("cannot read the schedule: ") + e.what());
        }
        std::unique_lock<std::mutex> lock(_mutex);
        _wake.wait_for(lock, std::chrono::milliseconds(std::max<std::int64_t>(waitMs, 10)), [this] { return _woken || _stopping.load(); });
        _woken = false;
    }
}

} // namespace jobhost::host
