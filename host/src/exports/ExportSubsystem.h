// jobhost host — ExportSubsystem.h
// `jobhost serve`: one ExportRunner thread per enabled export job.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runtime/RuntimeServices.h"
#include "runtime/Subsystem.h"

namespace jobhost::host::exports {

/// At start(), finds the enabled jobs whose manifest role is "export" and
/// drives each with its own ExportRunner on its own thread, continuously off
/// the outbox. A runner that fails to start (unknown audience, bad
/// credentials, store error) is reported and restarted after
/// `restartDelayMs`; it never stops the others. stop() cancels every runner
/// (an in-flight batch stays recoverable, see ExportRunner) and joins them.
/// Jobs added while serving are picked up at the next start of serve.
/// `services` must outlive the subsystem.
class ExportSubsystem : public Subsystem {
public:
    ExportSubsystem(RuntimeServices& services, std::function<void(const std::string&)> report, std::int64_t restartDelayMs = 30000);
    ~ExportSubsystem() override;

    std::string name() const override { return "exports"; }
    void start() override;
    void stop() override;
    /// Names of the export jobs being driven.
    std::vector<std::string> jobs() const { return _jobs; }

private:
    void drive(const std::string& jobName);

    RuntimeServices& _services;
    std::function<void(const std::string&)> _report;
    std::int64_t _restartDelayMs;
    std::atomic<bool> _stopping{false};
    std::mutex _mutex;
    std::condition_variable _wake;
    std::vector<std::string> _jobs;
    std::vector<std::thread> _threads;
};

} // namespace jobhost::host::exports
