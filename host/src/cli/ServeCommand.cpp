// jobhost host — ServeCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/ServeCommand.h"

#include <atomic>
#include <mutex>
#include <ostream>

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "cli/ConsoleRunObserver.h"
#include "audiences/ProfileSyncSubsystem.h"
#include "console/ConsoleSubsystem.h"
#include "exports/ExportSubsystem.h"
#include "runtime/HostDaemon.h"
#include "runtime/SchedulerSubsystem.h"
#include "runtime/ShutdownSignal.h"

namespace jobhost::host {

void ServeCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("workers", "w", "worker threads running jobs (default 2)").argument("N"));
    options.addOption(Poco::Util::Option("poll-ms", "", "longest pause between schedule checks (default 1000)").argument("MS"));
    ConsoleSubsystem::defineOptions(options); // --console-port --console-bind --web-root --no-auth --metrics-public --no-console
    options.addOption(Poco::Util::Option("profile-sync-ms", "", "pause between profile/audience updates when no import runs (default 10000)").argument("MS"));
    options.addOption(Poco::Util::Option("lease-seconds", "", "how long a job run's claim holds without renewal before other workers take the run over (default 60)")
                          .argument("S"));
}

int ServeCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                      const std::multimap<std::string, std::string>& options) {
    if (!arguments.empty()) throw UsageException("serve takes no arguments, got \"" + arguments.front() + "\"");
    auto number = [&](const char* name, unsigned fallback) {
        auto it = options.find(name);
        if (it == options.end()) return fallback;
        unsigned n = 0;
        if (!Poco::NumberParser::tryParseUnsigned(it->second, n) || n == 0) throw UsageException(std::string("--") + name + " needs a positive number, got \"" + it->second + "\"");
        return n;
    };
    // Every option is checked before anything starts.
    const unsigned workers = number("workers", 2);
    const unsigned pollMs = number("poll-ms", 1000);
    const unsigned profileSyncMs = number("profile-sync-ms", 10000);
    const unsigned leaseSeconds = number("lease-seconds", 60);
    const ConsoleOptions consoleOptions = ConsoleSubsystem::readOptions(options);
    std::atomic<bool> stop{false};
    ShutdownSignal signal([&stop](int) { stop = true; }); // before any thread starts
    RuntimeServices& services = context.runtime();
    services.runLeaseMs = static_cast<std::int64_t>(leaseSeconds) * 1000;
    std::mutex outMutex;
    auto report = [&](const std::string& line) {
        std::lock_guard<std::mutex> lock(outMutex);
        context.out() << ConsoleRunObserver::formatTime(services.pClock->epochMs()) << " " << line << std::endl;
    };
    Scheduler::Options schedulerOptions;
    schedulerOptions.workers = workers;
    schedulerOptions.pollIntervalMs = pollMs;
    schedulerOptions.report = report;
    // Runs report progress to the console's board under their run id, so
    // GET /api/v1/runs/{id} shows the percentage while the import runs.
    RunProgressBoard progress; // outlives the daemon and its subsystems
    schedulerOptions.observerForRun = [&progress](std::int64_t runId, RunObserver* next) { return progress.observerFor(runId, next); };
    HostDaemon daemon(report);
    auto scheduler = std::make_unique<SchedulerSubsystem>(services, schedulerOptions);
    Scheduler* pScheduler = &scheduler->scheduler();
    daemon.add(std::move(scheduler));
    daemon.add(std::make_unique<audiences::ProfileSyncSubsystem>(services.store, services.plugins, profileSyncMs, report));
    daemon.add(std::make_unique<exports::ExportSubsystem>(services, report));
    daemon.add(std::make_unique<ConsoleSubsystem>(context.paths(), services, pScheduler, progress, consoleOptions, report));
    report("jobhost " JOBHOST_VERSION " serving (store " + services.store.display() + ", worker " + services.worker + ")");
    daemon.run([&stop] { return stop.load(); });
    report("stopped");
    return 0;
}

} // namespace jobhost::host
