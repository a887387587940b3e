// jobhost host — JobCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/JobCommand.h"

#include <atomic>
#include <ostream>

#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "cli/ConsoleRunObserver.h"
#include "runtime/JobRunner.h"
#include "runtime/ShutdownSignal.h"

namespace jobhost::host {

void JobCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("verbose", "v", "also print debug log lines"));
}

int JobCommand::run(CommandContext& context, const std::vector<std::string>& arguments, const std::multimap<std::string, std::string>& options) {
    if (arguments.empty()) throw UsageException("job needs a subcommand: run NAME");
    if (arguments[0] != "run") throw UsageException("unknown job subcommand \"" + arguments[0] + "\" (expected run)");
    if (arguments.size() != 2) throw UsageException("job run needs exactly one job NAME ('jobhost runs' and the config list them)");
    const std::string& name = arguments[1];
    RuntimeServices& services = context.runtime();
    std::atomic<bool> stop{false};
    ShutdownSignal signal([&stop](int) { stop = true; });
    JobRunner runner(services);
    for (const RunRecord& run : runner.recoverAbandoned())
        context.out() << "run #" << run.id << " of job " << run.jobName << " was abandoned by " << run.worker << " (marked abandoned)\n";
    ConsoleRunObserver observer(context.out(), options.count("verbose") > 0);
    context.out() << "job " << name << ": starting" << std::endl;
    RunResult result = runner.run(name, "manual", &observer, [&stop] { return stop.load(); });
    if (result.status == "busy") {
        context.out() << "job " << name << ": " << result.error << "\n";
        return 1;
    }
    const RunCounters& c = result.counters;
    context.out() << "job " << name << " run #" << result.runId << ": " << result.status << " (attempt " << result.attempt << " of "
                  << result.maxAttempts << "; read " << c.read << ", written " << c.written << ", duplicates " << c.duplicate << ", checkpoints "
                  << c.checkpoints << ")\n";
    if (!result.error.empty()) context.out() << "  error" << (result.failureClass.empty() ? "" : " (" + result.failureClass + ")") << ": " << result.error << "\n";
    if (result.status == "retry" && result.nextRunAt)
        context.out() << "  retry scheduled at " << ConsoleRunObserver::formatTime(*result.nextRunAt) << " UTC ('jobhost serve' runs it)\n";
    if (result.status == "ok") return 0;
    if (result.status == "retry" || result.status == "cancelled") return ExitRetryScheduled;
    return 1;
}

} // namespace jobhost::host
