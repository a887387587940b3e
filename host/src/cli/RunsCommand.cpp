// jobhost host — RunsCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/RunsCommand.h"

#include <iomanip>
#include <ostream>

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "cli/ConsoleRunObserver.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"

namespace jobhost::host {

void RunsCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("limit", "n", "how many runs to show (default 20)").argument("N"));
    options.addOption(Poco::Util::Option("log", "l", "print the log excerpt and checkpoints of run ID").argument("ID"));
}

int RunsCommand::run(CommandContext& context, const std::vector<std::string>& arguments, const std::multimap<std::string, std::string>& options) {
    // Arguments are checked before the store is opened (or created).
    if (arguments.size() > 1) throw UsageException("runs takes at most one JOB, got " + std::to_string(arguments.size()) + " arguments");
    std::size_t limit = 20;
    if (auto l = options.find("limit"); l != options.end()) {
        unsigned n = 0;
        if (!Poco::NumberParser::tryParseUnsigned(l->second, n) || n == 0) throw UsageException("--limit needs a positive number, got \"" + l->second + "\"");
        limit = n;
    }
    auto log = options.find("log");
    Poco::Int64 id = 0;
    if (log != options.end() && (!Poco::NumberParser::tryParse64(log->second, id) || id <= 0))
        throw UsageException("--log needs a run id, got \"" + log->second + "\"");
    Poco::Data::Session session = context.store().openSession();
    RunRepository runs(session);
    std::ostream& out = context.out();
    if (log != options.end()) {
        auto run = runs.find(id);
        if (!run) throw NotFoundException("run #" + log->second + " does not exist; 'jobhost runs' lists them");
        out << "run #" << run->id << " of job " << run->jobName << ": " << run->status << " (trigger " << run->trigger << ", attempt "
            << run->attempt << ", worker " << run->worker << ")\n"
            << "checkpoint before: " << run->checkpointBefore.value_or("(none)") << "\n"
            << "checkpoint after:  " << run->checkpointAfter.value_or("(none)") << "\n";
        if (!run->error.empty()) out << "error" << (run->failureClass.empty() ? "" : " (" + run->failureClass + ")") << ": " << run->error << "\n";
        for (const RunLogLine& line : runs.log(id))
            out << ConsoleRunObserver::formatTime(line.at) << " " << std::left << std::setw(7) << line.level << " " << line.message << "\n";
        return 0;
    }
    std::string job = arguments.empty() ? std::string() : arguments.front();
    if (!job.empty()) JobRepository(session).get(job); // unknown job → NotFoundException with the fix
    auto list = runs.list(job, limit);
    if (list.empty()) {
        out << (job.empty() ? "no runs yet\n" : "no runs of job " + job + " yet\n");
        return 0;
    }
    out << std::left << std::setw(6) << "RUN" << std::setw(20) << "JOB" << std::setw(10) << "TRIGGER" << std::setw(8) << "ATTEMPT" << std::setw(10)
        << "STATUS" << std::setw(20) << "STARTED (UTC)" << std::setw(10) << "SECONDS" << std::setw(8) << "READ" << std::setw(8) << "WRITTEN"
        << std::setw(6) << "DUPS" << "ERROR\n";
    for (const RunRecord& r : list) {
        std::string seconds = "-";
        if (r.endedAt) {
            std::ostringstream s;
            s << std::fixed << std::setprecision(1) << (*r.endedAt - r.startedAt) / 1000.0;
            seconds = s.str();
        }
        std::string error = r.error;
        if (!r.failureClass.empty()) error = "(" + r.failureClass + ") " + error;
        if (error.size() > 80) error = error.substr(0, 77) + "...";
        out << std::left << std::setw(6) << r.id << std::setw(20) << r.jobName << std::setw(10) << r.trigger << std::setw(8) << r.attempt
            << std::setw(10) << r.status << std::setw(20) << ConsoleRunObserver::formatTime(r.startedAt) << std::setw(10) << seconds << std::setw(8)
            << r.counters.read << std::setw(8) << r.counters.written << std::setw(6) << r.counters.duplicate << error << "\n";
    }
    return 0;
}

} // namespace jobhost::host
