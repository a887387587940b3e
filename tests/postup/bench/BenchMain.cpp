// jobhost postup tests — bench/BenchMain.cpp
// End-to-end benchmark of the PostUp import against a running postup-sim:
// rows/s and peak RSS for a large site, then activity wall time at injected
// latency for several report concurrencies; with --users-latency instead
// whole imports at injected latency: the recipient phase's requests per
// recipient, wall time and its ratio to the serial lower bound.
// usage: postup-bench --url http://127.0.0.1:PORT [--latency-ms 50] [--concurrency 1,4,8]
//                     [--page-size 1000] [--throughput-concurrency 4] [--skip-throughput]
//                     [--users-latency]
// SPDX-License-Identifier: Apache-2.0
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "ImportState.h"
#include "PostupImportJob.h"
#include "support/DirectHttpTransport.h"
#include "support/MemoryImportContext.h"
#include "support/MemoryStore.h"
#include "support/RecordingTransport.h"

using namespace jobhost;
using namespace jobhost::plugins::postup;
using namespace jobhost::plugins::postup::test;

namespace {

using Clock = std::chrono::steady_clock;

long rssKb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
    return -1;
}

double seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

struct Site {
    std::string url;
    std::string siteId;
    std::string siteName;
    std::int64_t nowMs = 0;
    long recipients = 0;
};

Poco::JSON::Object::Ptr getObject(DirectHttpTransport& transport, const std::string& url) {
    sdk::HttpRequest request;
    request.url = url;
    const auto response = transport.send(request);
    if (response.status != 200) throw std::runtime_error("GET " + url + " failed: " + std::to_string(response.status) + " " + response.transportError);
    Poco::JSON::Parser parser;
    return parser.parse(response.body).extract<Poco::JSON::Object::Ptr>();
}

void putFaults(DirectHttpTransport& transport, const std::string& url, const std::string& body) {
    sdk::HttpRequest request;
    request.method = "PUT";
    request.url = url + "/_sim/faults";
    request.body = body;
    request.headers.emplace_back("Content-Type", "application/json");
    const auto response = transport.send(request);
    if (response.status != 200) throw std::runtime_error("PUT /_sim/faults failed: " + response.body);
}

std::string config(const Site& site, int concurrency, int pageSize) {
    return "{\"site_id\":\"" + site.siteId + "\",\"api_base_url\":\"" + site.url + "/api\",\"report_base_url\":\"" +
           site.url + "\",\"site_short_name\":\"" + site.siteName + "\",\"report_concurrency\":" +
           std::to_string(concurrency) + ",\"page_size\":" + std::to_string(pageSize) + "}";
}

/// Logger that timestamps the ends of the two parts (they run at the same time).
class PhaseLogger : public sdk::Logger {
public:
    void log(sdk::LogLevel level, const std::string& message) override {
        if (message.rfind("postup_users: ", 0) == 0 && message.find("emitted") != std::string::npos) usersDone = Clock::now();
        if (message.rfind("postup_activity: ", 0) == 0 && message.find("rows emitted") != std::string::npos)
            activityDone = Clock::now();
        if (level >= sdk::LogLevel::Warning && warnings++ < 5) std::cerr << "  [plugin] " << message << "\n";
    }
    Clock::time_point usersDone{};
    Clock::time_point activityDone{};
    int warnings = 0;
};

/// MemoryImportContext with the phase logger.
class BenchContext : public MemoryImportContext {
public:
    using MemoryImportContext::MemoryImportContext;
    sdk::Logger& logger() override { return phaseLogger; }
    PhaseLogger phaseLogger;
};

sdk::Credentials credentials() { return {{"username", "api@example.com"}, {"password", "secret"}}; }

} // namespace

int main(int argc, char** argv) {
    Site site;
    int latencyMs = 50, pageSize = 1000, throughputConcurrency = 4;
    bool skipThroughput = false, usersLatency = false;
    std::vector<int> concurrencies = {1, 4, 8};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--url") site.url = next();
        else if (arg == "--latency-ms") latencyMs = std::stoi(next());
        else if (arg == "--page-size") pageSize = std::stoi(next());
        else if (arg == "--throughput-concurrency") throughputConcurrency = std::stoi(next());
        else if (arg == "--skip-throughput") skipThroughput = true;
        else if (arg == "--users-latency") usersLatency = true;
        else if (arg == "--concurrency") {
            concurrencies.clear();
            std::stringstream list(next());
            std::string item;
            while (std::getline(list, item, ',')) concurrencies.push_back(std::stoi(item));
        } else {
            std::cerr << "usage: postup-bench --url http://127.0.0.1:PORT [--latency-ms N] [--concurrency 1,4,8] "
                         "[--page-size N] [--throughput-concurrency N] [--skip-throughput] [--users-latency]\n";
            return 64;
        }
    }
    if (site.url.empty()) {
        std::cerr << "postup-bench: --url is required\n";
        return 64;
    }
    try {
        DirectHttpTransport::Options options;
        options.maxRetryAfterMs = 1000;
        DirectHttpTransport transport(options);
        const auto info = getObject(transport, site.url + "/_sim/info");
        site.siteId = info->getValue<std::string>("siteId");
        site.siteName = info->getValue<std::string>("siteName");
        site.recipients = info->getValue<long>("recipients");
        site.nowMs = getObject(transport, site.url + "/_sim/now")->getValue<Poco::Int64>("epochSeconds") * 1000;
        putFaults(transport, site.url, "{\"rules\":[]}");

        if (usersLatency) {
            // Whole imports (recipients and activity at once) at injected latency.
            putFaults(transport, site.url,
                      "{\"rules\":[{\"kind\":\"latency\",\"route\":\"*\",\"latencyMs\":" + std::to_string(latencyMs) + "}]}");
            for (int concurrency : concurrencies) {
                MemoryStore store(false);
                RecordingTransport recorder(transport);
                BenchContext context(store, recorder, config(site, concurrency, pageSize), credentials());
                context.setNowMs(site.nowMs);
                const auto start = Clock::now();
                PostupImportJob job;
                const auto outcome = job.run(context);
                const double wall = seconds(start);
                context.finish(outcome.isOk());
                const double usersWall = std::chrono::duration<double>(context.phaseLogger.usersDone - start).count();
                std::uint64_t details = 0, pages = 0, lists = 0, reports = 0, other = 0;
                for (const auto& call : recorder.calls()) {
                    if (call.find("/api/recipient/") != std::string::npos) ++details;
                    else if (call.find("/api/listsubscription") != std::string::npos) ++pages;
                    else if (call.find("/api/list") != std::string::npos) ++lists;
                    else if (call.find("ExternalDownload.do") != std::string::npos) ++reports;
                    else ++other;
                }
                const std::uint64_t usersRequests = details + pages + lists;
                const double bound = usersRequests * (latencyMs / 1000.0) / concurrency;
                const auto memberships = store.count("postup_users");
                std::printf("import at %d ms latency, report_concurrency %d: %s\n", latencyMs, concurrency,
                            outcome.isOk() ? "ok" : outcome.message.c_str());
                std::printf("  recipients: %ld recipients, %zu memberships; %llu requests = %llu details + %llu pages + %llu list "
                            "(%.3f per recipient; one detail call per membership would be %.3f)\n",
                            site.recipients, memberships, static_cast<unsigned long long>(usersRequests),
                            static_cast<unsigned long long>(details), static_cast<unsigned long long>(pages),
                            static_cast<unsigned long long>(lists), static_cast<double>(usersRequests) / site.recipients,
                            static_cast<double>(memberships + pages + lists) / site.recipients);
                std::printf("  recipients: %.2f s wall; serial lower bound %.2f s (%llu requests x %d ms / %d); ratio %.2f\n",
                            usersWall, bound, static_cast<unsigned long long>(usersRequests), latencyMs, concurrency,
                            usersWall / bound);
                // The activity pass alone, for the sum the overlap saves.
                MemoryStore activityStore(false);
                ImportState recent;
                recent.lastUsersImportMs = site.nowMs;
                recent.usersEpochMs = site.nowMs;
                activityStore.setState(recent.toJson());
                BenchContext activityContext(activityStore, transport, config(site, concurrency, pageSize), credentials());
                activityContext.setNowMs(site.nowMs + 3600000);
                const auto activityStart = Clock::now();
                PostupImportJob activityJob;
                const auto activityOutcome = activityJob.run(activityContext);
                const double activityWall = seconds(activityStart);
                activityContext.finish(activityOutcome.isOk());
                std::printf("  whole run %.2f s wall with the activity pass alongside (%llu report downloads, %llu other "
                            "requests, %zu activity rows); activity pass alone %.2f s, so one after the other %.2f s\n",
                            wall, static_cast<unsigned long long>(reports), static_cast<unsigned long long>(other),
                            store.count("postup_activity"), activityWall, usersWall + activityWall);
            }
            putFaults(transport, site.url, "{\"rules\":[]}");
            return 0;
        }

        if (!skipThroughput) {
            MemoryStore store(false);
            BenchContext context(store, transport, config(site, throughputConcurrency, pageSize), credentials());
            context.setNowMs(site.nowMs);
            const long rssBefore = rssKb("VmRSS:");
            const auto start = Clock::now();
            PostupImportJob job;
            const auto outcome = job.run(context);
            const double total = seconds(start);
            context.finish(outcome.isOk());
            // Both parts start together; each one's time runs to its own end.
            const double usersSeconds = std::chrono::duration<double>(context.phaseLogger.usersDone - start).count();
            const double activitySeconds = std::chrono::duration<double>(context.phaseLogger.activityDone - start).count();
            const auto users = store.count("postup_users");
            const auto activity = store.count("postup_activity");
            std::printf("throughput run (report_concurrency %d, page_size %d): %s\n", throughputConcurrency, pageSize,
                        outcome.isOk() ? "ok" : outcome.message.c_str());
            std::printf("  postup_users    %9zu rows in %7.2f s  %9.0f rows/s  (%llu HTTP requests in total)\n", users,
                        usersSeconds, users / usersSeconds, static_cast<unsigned long long>(transport.requests()));
            std::printf("  postup_activity %9zu rows in %7.2f s  %9.0f rows/s\n", activity, activitySeconds,
                        activity / activitySeconds);
            std::printf("  end to end      %9zu rows in %7.2f s  %9.0f rows/s  (both parts at once)\n", users + activity, total,
                        (users + activity) / total);
            std::printf("  RSS before %ld KiB, peak (VmHWM) %ld KiB, checkpoints %llu\n", rssBefore, rssKb("VmHWM:"),
                        static_cast<unsigned long long>(store.commits()));
        }

        // Latency runs: activity phase only (recipients imported "just now").
        putFaults(transport, site.url,
                  "{\"rules\":[{\"kind\":\"latency\",\"route\":\"*\",\"latencyMs\":" + std::to_string(latencyMs) + "}]}");
        ImportState recent;
        recent.lastUsersImportMs = site.nowMs;
        recent.usersEpochMs = site.nowMs;
        for (int concurrency : concurrencies) {
            MemoryStore store(false);
            store.setState(recent.toJson());
            BenchContext context(store, transport, config(site, concurrency, pageSize), credentials());
            context.setNowMs(site.nowMs + 3600000);
            const auto start = Clock::now();
            PostupImportJob job;
            const auto outcome = job.run(context);
            const double wall = seconds(start);
            context.finish(outcome.isOk());
            std::printf("activity at %d ms latency, report_concurrency %d: %7.2f s wall, %zu rows (%s)\n", latencyMs,
                        concurrency, wall, store.count("postup_activity"), outcome.isOk() ? "ok" : outcome.message.c_str());
        }
        putFaults(transport, site.url, "{\"rules\":[]}");
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "postup-bench: " << e.what() << "\n";
        return 1;
    }
}
