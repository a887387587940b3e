// jobhost host — ExportSubsystem.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportSubsystem.h"

#include <chrono>

#include <Poco/Exception.h>

#include "exports/ExportRunner.h"
#include "store/JobRepository.h"

namespace jobhost::host::exports {

ExportSubsystem::ExportSubsystem(RuntimeServices& services, std::function<void(const std::string&)> report, std::int64_t restartDelayMs)
    : _services(services), _report(std::move(report)), _restartDelayMs(restartDelayMs) {}

ExportSubsystem::~ExportSubsystem() { stop(); }

void ExportSubsystem::start() {
    _stopping = false;
    _jobs.clear();
    Poco::Data::Session session = _services.store.openSession();
    JobRepository jobs(session);
    for (const JobRecord& job : jobs.list()) {
        if (!job.enabled) continue;
        try {
            const JobType* type = _services.plugins.manifest(job.provider).findJobType(job.type);
            if (type && type->role == JobRole::Export) _jobs.push_back(job.name);
        } catch (const Poco::Exception& e) {
            _report("exports: job " + job.name + " skipped: " + e.displayText());
        }
    }
    for (const auto& name : _jobs) _threads.emplace_back([this, name] { drive(name); });
    _report("exports: driving " + std::to_string(_jobs.size()) + " export job(s)");
}

void ExportSubsystem::stop() {
    _stopping = true;
    _wake.notify_all();
    for (auto& thread : _threads)
        if (thread.joinable()) thread.join();
    _threads.clear();
}

void ExportSubsystem::drive(const std::string& jobName) {
    CancelCheck cancelled = [this] { return _stopping.load(); };
    while (!_stopping) {
        std::string error;
        try {
            ExportRunner runner(_services, jobName);
            runner.start(cancelled);
            _report("exports: " + jobName + " started (batch " + std::to_string(runner.batchSize()) + ", flush " +
                    std::to_string(runner.flushIntervalMs()) + " ms)");
            runner.run(cancelled);
        } catch (const Poco::Exception& e) {
            error = e.displayText();
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (_stopping) break;
        if (!error.empty()) _report("exports: " + jobName + " stopped: " + error + "; restarting in " + std::to_string(_restartDelayMs / 1000) + " s");
        std::unique_lock<std::mutex> lock(_mutex);
        _wake.wait_for(lock, std::chrono::milliseconds(_restartDelayMs), [this] { return _stopping.load(); });
    }
}

} // namespace jobhost::host::exports
