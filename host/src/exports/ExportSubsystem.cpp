// jobhost host — ExportSubsystem.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportSubsystem.h"

#include <chrono>

#include <Poco/Exception.h>

#include "store/JobRepository.h"

namespace jobhost::host::exports {

ExportSubsystem::ExportSubsystem(RuntimeServices& services, std::function<void(const std::string&)> report,
                                 std::int64_t restartDelayMs, std::int64_t rescanIntervalMs,
                                 RunnerOptionsFactory runnerOptions)
    : _services(services), _report(std::move(report)), _restartDelayMs(restartDelayMs),
      _rescanIntervalMs(rescanIntervalMs), _runnerOptions(std::move(runnerOptions)) {}

ExportSubsystem::~ExportSubsystem() { stop(); }

std::map<std::string, std::int64_t> ExportSubsystem::wantedJobs() {
    std::map<std::string, std::int64_t> wanted;
    Poco::Data::Session session = _services.store.openSession();
    JobRepository jobs(session);
    for (const JobRecord& job : jobs.list()) {
        if (!job.enabled) continue;
        try {
            const JobType* type = _services.plugins.manifest(job.provider).findJobType(job.type);
            if (type && type->role == JobRole::Export) wanted[job.name] = job.updatedAt;
        } catch (const Poco::Exception& e) {
            _report("exports: job " + job.name + " skipped: " + e.displayText());
        }
    }
    return wanted;
}

void ExportSubsystem::start() {
    _stopping = false;
    rescan();
    _report("exports: driving " + std::to_string(jobs().size()) + " export job(s); checking for changes every " +
            std::to_string(_rescanIntervalMs) + " ms");
    _supervisor = std::thread([this] { supervise(); });
}

void ExportSubsystem::stop() {
    _stopping = true;
    _wake.notify_all();
    if (_supervisor.joinable()) _supervisor.join();
    for (auto& [name, driver] : _drivers) retire(driver);
    std::lock_guard<std::mutex> lock(_mutex);
    _drivers.clear();
}

std::vector<std::string> ExportSubsystem::jobs() const {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<std::string> names;
    for (const auto& [name, driver] : _drivers) names.push_back(name);
    return names;
}

void ExportSubsystem::supervise() {
    while (!_stopping) {
        {
            std::unique_lock<std::mutex> lock(_mutex);
            _wake.wait_for(lock, std::chrono::milliseconds(_rescanIntervalMs), [this] { return _stopping.load(); });
        }
        if (_stopping) break;
        rescan();
    }
}

void ExportSubsystem::rescan() {
    std::map<std::string, std::int64_t> wanted;
    try {
        wanted = wantedJobs();
    } catch (const Poco::Exception& e) {
        _report("exports: cannot read the export jobs (" + e.displayText() + "); keeping the current runners");
        return;
    } catch (const std::exception& e) {
        _report(std::string("exports: cannot read the export jobs (") + e.what() + "); keeping the current runners");
        return;
    }
    // Retire runners whose job is gone, paused/disabled or redefined.
    for (auto it = _drivers.begin(); it != _drivers.end();) {
        const auto found = wanted.find(it->first);
        const bool changed = found != wanted.end() && found->second != it->second.updatedAt;
        if (found != wanted.end() && !changed) {
            ++it;
            continue;
        }
        retire(it->second);
        _report("exports: " + it->first + (changed ? " changed; restarting its runner" : " stopped (paused, disabled or removed)"));
        std::lock_guard<std::mutex> lock(_mutex);
        it = _drivers.erase(it);
    }
    // Start runners for jobs without one (new, resumed or just retired as changed).
    for (const auto& [name, updatedAt] : wanted) {
        if (_drivers.count(name) || _stopping) continue;
        Driver driver;
        driver.updatedAt = updatedAt;
        driver.pCancel = std::make_shared<std::atomic<bool>>(false);
        driver.thread = std::thread([this, jobName = name, pCancel = driver.pCancel] { drive(jobName, pCancel); });
        std::lock_guard<std::mutex> lock(_mutex);
        _drivers.emplace(name, std::move(driver));
    }
}

void ExportSubsystem::retire(Driver& driver) {
    driver.pCancel->store(true);
    _wake.notify_all();
    if (driver.thread.joinable()) driver.thread.join();
}

void ExportSubsystem::drive(const std::string& jobName, std::shared_ptr<std::atomic<bool>> pCancel) {
    auto done = [this, pCancel] { return _stopping.load() || pCancel->load(); };
    CancelCheck cancelled = done;
    while (!done()) {
        std::string error;
        try {
            ExportRunner runner(_services, jobName, _runnerOptions ? _runnerOptions(jobName) : ExportRunner::Options{});
            runner.start(cancelled);
            _report("exports: " + jobName + " started (batch " + std::to_string(runner.batchSize()) + ", flush " +
                    std::to_string(runner.flushIntervalMs()) + " ms)");
            runner.run(cancelled);
        } catch (const Poco::Exception& e) {
            error = e.displayText();
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (done()) break;
        if (!error.empty())
            _report("exports: " + jobName + " stopped: " + error + "; restarting in " +
                    std::to_string(_restartDelayMs / 1000) + " s");
        std::unique_lock<std::mutex> lock(_mutex);
        _wake.wait_for(lock, std::chrono::milliseconds(_restartDelayMs), done);
    }
}

} // namespace jobhost::host::exports
