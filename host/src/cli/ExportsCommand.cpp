// jobhost host — ExportsCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/ExportsCommand.h"

#include <algorithm>
#include <ctime>
#include <iomanip>
#include <map>
#include <ostream>

#include <Poco/NumberParser.h>
#include <Poco/Timestamp.h>
#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "audiences/OutboxRepository.h"
#include "exports/DeadLetterReplayer.h"
#include "exports/ExportRunner.h"
#include "exports/DeadLetterRepository.h"
#include "exports/ExportStatusRepository.h"
#include "store/Store.h"

namespace jobhost::host {
namespace {

std::string timeText(std::int64_t ms) {
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::int64_t nowMs() { return Poco::Timestamp().epochMicroseconds() / 1000; }

/// One line per skip reason ("    skipped      2  <reason>"), most frequent first.
void printSkipReasons(std::ostream& out, const std::map<std::string, std::int64_t>& skippedBy) {
    std::vector<std::pair<std::string, std::int64_t>> rows(skippedBy.begin(), skippedBy.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [reason, count] : rows) out << "    skipped " << std::setw(6) << count << "  " << reason << "\n";
}

} // namespace

void ExportsCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("id", "i", "replay: the dead letter to re-queue").argument("N"));
    options.addOption(Poco::Util::Option("all", "a", "replay: re-queue every dead letter of the job"));
}

int ExportsCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                        const std::multimap<std::string, std::string>& options) {
    auto usageError = [&](const std::string& why) {
        context.err() << "jobhost exports: " << why << "\n";
        return 64;
    };
    if (arguments.empty()) return usageError("missing subcommand");
    const std::string& verb = arguments[0];
    const std::string job = arguments.size() > 1 ? arguments[1] : std::string();
    if (arguments.size() > 2) return usageError("too many arguments");

    if (verb == "run") {
        if (job.empty()) return usageError("run needs the JOB");
        // Deliver everything waiting now, then stop (serve runs exports continuously).
        RuntimeServices& services = context.runtime();
        exports::ExportRunner runner(services, job);
        runner.start();
        exports::ExportTotals sum;
        std::size_t batches = 0;
        std::string lastError;
        for (const auto& step : runner.drain()) {
            if (step.status == "idle") continue;
            ++batches;
            sum.delivered += step.totals.delivered;
            sum.skipped += step.totals.skipped;
            for (const auto& [reason, count] : step.totals.skippedBy) sum.skippedBy[reason] += count;
            sum.retried += step.totals.retried;
            sum.rejected += step.totals.rejected;
            if (!step.error.empty()) lastError = step.error;
        }
        context.out() << "export " << job << ": " << batches << " batch" << (batches == 1 ? "" : "es") << ", delivered " << sum.delivered
                      << ", skipped " << sum.skipped << ", retry later " << sum.retried << ", rejected " << sum.rejected << ", still waiting "
                      << runner.waiting() << "\n";
        printSkipReasons(context.out(), sum.skippedBy);
        if (!lastError.empty()) context.out() << "  last error: " << lastError << "\n";
        return lastError.empty() ? 0 : 1;
    }
    Store store(context.paths().storeLocation());
    Poco::Data::Session session = store.openSession();
    try {
        if (verb == "status") {
            audiences::OutboxRepository outbox(session);
            exports::ExportStatusRepository statuses(session);
            exports::DeadLetterRepository deadLetters(session);
            std::vector<std::string> jobs;
            for (const auto& s : outbox.subscriptions())
                if (job.empty() || s.job == job) jobs.push_back(s.job);
            for (const auto& s : statuses.all())
                if ((job.empty() || s.job == job) && std::find(jobs.begin(), jobs.end(), s.job) == jobs.end()) jobs.push_back(s.job);
            if (jobs.empty()) {
                context.out() << (job.empty() ? "no export jobs have started yet\n" : "export job \"" + job + "\" has not started yet\n");
                return job.empty() ? 0 : 1;
            }
            for (const auto& name : jobs) {
                auto subscription = outbox.subscription(name);
                auto status = statuses.find(name);
                std::int64_t inflight = 0;
                if (subscription)
                    for (const auto& item : outbox.all(name)) inflight += item.state == "inflight";
                context.out() << name << ": audience " << (subscription ? subscription->audience : std::string("(unsubscribed)"))
                              << ", waiting " << outbox.waitingCount(name) << ", in flight " << inflight << ", dead letters "
                              << deadLetters.count(name) << "\n";
                if (status) {
                    const auto& t = status->totals;
                    context.out() << "  batches " << t.batches << ", delivered " << t.delivered << ", skipped " << t.skipped
                                  << ", retried " << t.retried << ", rejected " << t.rejected << "\n";
                    printSkipReasons(context.out(), t.skippedBy);
                    if (status->lastBatchAt) context.out() << "  last batch " << timeText(*status->lastBatchAt) << "\n";
                    if (!status->lastError.empty()) context.out() << "  last error: " << status->lastError << "\n";
                }
            }
            return 0;
        }
        if (verb == "dead-letters") {
            auto letters = exports::DeadLetterRepository(session).list(job, 100000);
            if (letters.empty()) {
                context.out() << "no dead letters" << (job.empty() ? "" : " for " + job) << "\n";
                return 0;
            }
            context.out() << std::left << std::setw(8) << "ID" << std::setw(16) << "JOB" << std::setw(8) << "EVENT" << std::setw(10)
                          << "PROFILE" << std::setw(10) << "ATTEMPTS" << std::setw(22) << "AT" << "REASON\n";
            for (const auto& d : letters)
                context.out() << std::left << std::setw(8) << d.id << std::setw(16) << d.job << std::setw(8) << d.event << std::setw(10)
                              << d.profileId << std::setw(10) << d.attempts << std::setw(22) << timeText(d.createdAt) << d.reason
                              << "\n";
            return 0;
        }
        if (verb == "replay") {
            if (job.empty()) return usageError("replay needs the JOB");
            const bool all = options.count("all") != 0;
            auto id = options.find("id");
            if (all == (id != options.end())) return usageError("replay needs exactly one of --id N or --all");
            exports::DeadLetterReplayer replayer(session);
            if (all) {
                const std::size_t n = replayer.replayAll(job, nowMs());
                context.out() << "re-queued " << n << " dead letter" << (n == 1 ? "" : "s") << " of " << job << "\n";
                return 0;
            }
            Poco::Int64 letter = 0;
            if (!Poco::NumberParser::tryParse64(id->second, letter)) return usageError("--id expects a number, got \"" + id->second + "\"");
            if (!replayer.replay(job, letter, nowMs())) {
                context.err() << "jobhost exports: job " << job << " has no dead letter " << letter << "\n";
                return 1;
            }
            context.out() << "re-queued dead letter " << letter << " of " << job << "\n";
            return 0;
        }
    } catch (const Poco::Data::DataException& e) {
        throw StoreException("jobhost exports " + verb + ": " + e.displayText());
    }
    return usageError("unknown subcommand \"" + verb + "\"");
}

} // namespace jobhost::host
