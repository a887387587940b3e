// jobhost host — ExportSubsystem.h
// `jobhost serve`: one ExportRunner thread per enabled export job, kept in
// step with the store while serving.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "exports/ExportRunner.h"
#include "runtime/RuntimeServices.h"
#include "runtime/Subsystem.h"

namespace jobhost::host::exports {

/// Drives every enabled job whose manifest role is "export" with its own
/// ExportRunner on its own thread, continuously off the outbox.
///
/// A supervisor thread re-reads the jobs every `rescanIntervalMs`: an export
/// job added (apply, console) or resumed gets a runner; one paused, disabled
/// or deleted has its runner cancelled; one whose definition changed
/// (updated_at moved: config, authorization) has its runner restarted with
/// the new definition. A cancelled runner leaves an in-flight batch
/// recoverable (see ExportRunner).
///
/// Failure behaviour: a runner that fails (unknown audience, bad
/// credentials, store error) is reported and restarted after
/// `restartDelayMs`; it never stops the others. A failed rescan (store busy,
/// manifest gone) is reported and the current runners keep going until the
/// next rescan. stop() cancels everything and joins every thread.
/// `services` must outlive the subsystem.
class ExportSubsystem : public Subsystem {
public:
    /// Builds the options of the runner for a job; empty = the runner loads
    /// the job's plugin through services.plugins (tests inject a job here).
    using RunnerOptionsFactory = std::function<ExportRunner::Options(const std::string& jobName)>;

    ExportSubsystem(RuntimeServices& services, std::function<void(const std::string&)> report,
                    std::int64_t restartDelayMs = 30000, std::int64_t rescanIntervalMs = 5000,
                    RunnerOptionsFactory runnerOptions = {});
    ~ExportSubsystem() override;

    std::string name() const override { return "exports"; }
    void start() override;
    void stop() override;
    /// Names of the export jobs being driven now, sorted. Thread-safe.
    std::vector<std::string> jobs() const;

private:
    /// One runner thread. `cancel` is owned jointly by the thread and the map.
    struct Driver {
        std::int64_t updatedAt = 0; ///< the job definition the runner was started with
        std::shared_ptr<std::atomic<bool>> pCancel;
        std::thread thread;
    };

    /// Enabled export jobs in the store: name → updated_at. Throws on store errors.
    std::map<std::string, std::int64_t> wantedJobs();
    /// Starts, stops and restarts drivers to match wantedJobs().
    void rescan();
    void supervise();
    void drive(const std::string& jobName, std::shared_ptr<std::atomic<bool>> pCancel);
    /// Cancels and joins the driver (called by the supervisor or stop() only).
    void retire(Driver& driver);

    RuntimeServices& _services;
    std::function<void(const std::string&)> _report;
    const std::int64_t _restartDelayMs;
    const std::int64_t _rescanIntervalMs;
    const RunnerOptionsFactory _runnerOptions;
    std::atomic<bool> _stopping{false};
    mutable std::mutex _mutex; ///< guards _drivers' keys for jobs(), and the waits
    std::condition_variable _wake;
    std::map<std::string, Driver> _drivers; ///< changed by the supervisor thread / start / stop only
    std::thread _supervisor;
};

} // namespace jobhost::host::exports
