// ConsoleMetricsBench.cpp — jobhost console: how long does a /metrics scrape
// take with many jobs? (goal G13: < 50 ms with 1,000 jobs)
//
// Seeds a fresh store in a temporary folder with --jobs jobs (one in ten an
// export job with outbox rows and dead letters, the rest imports with
// --runs-per-job finished runs each and a checkpointed state), starts the
// console's HTTP server on 127.0.0.1:0 with the same metrics sources
// `jobhost serve` uses, and times --scrapes GET /metrics over HTTP (after
// two warm-up scrapes), then each metrics source alone. Prints the figures;
// it checks no thresholds. KEEP_STORE=1 keeps the seeded store for a look.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/Data/Transaction.h>
#include <Poco/File.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include "audiences/OutboxRepository.h"
#include "console/ConsoleServer.h"
#include "console/ConsoleServices.h"
#include "console/ConsoleToken.h"
#include "console/ExportMetricsSource.h"
#include "console/MetricsWriter.h"
#include "console/RateLimiterMetricsSource.h"
#include "console/StoreMetricsSource.h"
#include "exports/DeadLetterRepository.h"
#include "exports/ExportStatusRepository.h"
#include "plugins/PluginRegistry.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"
#include "store/Store.h"
#include "transport/RateLimiterRegistry.h"

using namespace jobhost::host;

namespace {

struct Options {
    int jobs = 1000;
    int runsPerJob = 20;
    int scrapes = 50;
};

int usage(const char* why) {
    std::cerr << "console-metrics-bench: " << why << "\nusage: console-metrics-bench [--jobs N] [--runs-per-job N] [--scrapes N]\n";
    return 64;
}

/// Writes the jobs, runs, states and export rows in one transaction.
void seed(const Store& store, const Options& o) {
    Poco::Data::Session session = store.openSession();
    Poco::Data::Transaction transaction(session);
    JobRepository jobs(session);
    RunRepository runs(session);
    audiences::OutboxRepository outbox(session);
    exports::DeadLetterRepository deadLetters(session);
    exports::ExportStatusRepository statuses(session);
    const Poco::Int64 now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    static const char* kStatuses[] = {"ok", "ok", "ok", "ok", "retry", "ok", "failed", "ok", "ok", "ok"};
    for (int j = 0; j < o.jobs; ++j) {
        const bool isExport = j % 10 == 9;
        JobRecord job;
        job.name = (isExport ? "export-" : "import-") + std::to_string(j);
        job.provider = "postup";
        job.type = isExport ? "export" : "import";
        job.authorization = "bench";
        job.configJson = isExport ? R"({"audience":"bench"})" : R"({"site_id":"bench"})";
        job.intervalSeconds = 3600;
        job.enabled = j % 7 != 0;
        job.createdAt = job.updatedAt = now;
        job.id = jobs.insert(job);
        if (isExport) {
            for (int p = 0; p < 20; ++p) {
                audiences::MembershipChange change;
                change.audience = "bench";
                change.profile = j * 100 + p + 1;
                change.at = lql::TimeMs{now - 1000};
                outbox.enqueue(job.name, change, "{}");
            }
            audiences::OutboxItem item;
            item.job = job.name;
            item.audience = "bench";
            item.profile = j * 100 + 99;
            item.event = "enter";
            item.at = lql::TimeMs{now};
            item.profileJson = "{}";
            for (int d = 0; d < 3; ++d) deadLetters.add(item, "invalid email address", now);
            exports::ExportTotals totals;
            totals.batches = 10;
            totals.delivered = 900;
            totals.skipped = 20;
            totals.retried = 15;
            totals.rejected = 3;
            statuses.add(job.name, totals, now - 5000, "");
            continue;
        }
        for (int r = 0; r < o.runsPerJob; ++r) {
            RunRecord run;
            run.jobId = job.id;
            run.jobName = job.name;
            run.trigger = "schedule";
            run.startedAt = now - (o.runsPerJob - r) * 3600000LL;
            run.worker = "bench:1";
            run.id = runs.insert(run);
            run.status = kStatuses[(j + r) % 10];
            run.endedAt = run.startedAt + 500 + ((j * 37 + r * 101) % 600) * 1000;
            run.counters.read = 1000 + r;
            run.counters.written = 900 + r;
            run.counters.duplicate = 100;
            runs.finish(run);
        }
        jobs.saveState(job.id, R"({"cursor":1})", 0, now - (j % 120) * 1000);
    }
    transaction.commit();
}

double scrapeMs(Poco::UInt16 port, std::size_t& bytes, std::size_t& lines) {
    auto start = std::chrono::steady_clock::now();
    Poco::Net::HTTPClientSession client("127.0.0.1", port);
    Poco::Net::HTTPRequest request("GET", "/metrics", Poco::Net::HTTPMessage::HTTP_1_1);
    client.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(client.receiveResponse(response), body);
    auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (response.getStatus() != 200) throw std::runtime_error("GET /metrics answered " + std::to_string(response.getStatus()));
    bytes = body.size();
    lines = static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n'));
    return elapsed;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (i + 1 >= argc) return usage(("missing value for " + arg).c_str());
        int value = 0;
        if (!Poco::NumberParser::tryParse(argv[++i], value) || value <= 0) return usage(("bad value for " + arg).c_str());
        if (arg == "--jobs") o.jobs = value;
        else if (arg == "--runs-per-job") o.runsPerJob = value;
        else if (arg == "--scrapes") o.scrapes = value;
        else return usage(("unknown option " + arg).c_str());
    }
    std::string directory = Poco::TemporaryFile::tempName() + "-metrics-bench";
    int status = 0;
    try {
        Store store(Store::defaultFile(directory));
        auto seedStart = std::chrono::steady_clock::now();
        seed(store, o);
        double seedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - seedStart).count();

        RateLimiterRegistry rateLimiters;
        for (int a = 0; a < 10; ++a) rateLimiters.bucket("postup", "bench-" + std::to_string(a), RateLimitSettings{});
        StoreMetricsSource storeMetrics(store);
        ExportMetricsSource exportMetrics(store);
        RateLimiterMetricsSource rateMetrics(rateLimiters);
        PluginRegistry plugins(JOBHOST_MANIFESTS_DIR, directory + "/no-plugins");
        plugins.loadManifestsOnly();
        ConsoleToken token(ConsoleToken::defaultFile(directory));
        token.ensure(); // the API keeps its token; only /metrics is open
        ConsoleServices services;
        services.pPlugins = &plugins;
        services.pToken = &token;
        services.pStore = &store;
        services.metricsSources = {&storeMetrics, &exportMetrics, &rateMetrics};
        services.metricsPublic = true; // as with `jobhost serve --metrics-public`
        ConsoleSettings settings;
        settings.port = 0;
        ConsoleServer server(settings, services);
        server.start();

        std::size_t bytes = 0, lines = 0;
        for (int w = 0; w < 2; ++w) scrapeMs(server.port(), bytes, lines);
        std::vector<double> ms;
        for (int s = 0; s < o.scrapes; ++s) ms.push_back(scrapeMs(server.port(), bytes, lines));
        server.stop();
        std::sort(ms.begin(), ms.end());
        auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
        const int importJobs = o.jobs - o.jobs / 10;
        std::printf("store: %d jobs (%d imports x %d runs = %d runs, %d exports with 20 outbox rows and 3 dead letters each), seeded in %.1f s\n",
                    o.jobs, importJobs, o.runsPerJob, importJobs * o.runsPerJob, o.jobs / 10, seedSeconds);
        std::printf("/metrics: %zu lines, %zu bytes per scrape\n", lines, bytes);
        std::printf("scrape time over %d scrapes (HTTP on 127.0.0.1, after 2 warm-ups): min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms\n",
                    o.scrapes, ms.front(), at(0.5), at(0.95), ms.back());
        std::printf("G13 target: median < 50 ms with 1,000 jobs — %s\n", at(0.5) < 50.0 ? "met" : "NOT met");
        // Where the time goes: each source alone, without HTTP.
        for (auto [name, pSource] : std::vector<std::pair<const char*, MetricsSource*>>{
                 {"store (runs, jobs)", &storeMetrics}, {"exports (outbox, dead letters)", &exportMetrics}, {"rate limiters", &rateMetrics}}) {
            std::vector<double> t;
            for (int s = 0; s < std::max(5, o.scrapes / 5); ++s) {
                MetricsWriter writer;
                auto start = std::chrono::steady_clock::now();
                pSource->collect(writer);
                t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            }
            std::sort(t.begin(), t.end());
            std::printf("  source %-32s median %.1f ms\n", name, t[t.size() / 2]);
        }
        {
            // The first scrape after a start reads the whole run history once
            // (later scrapes add only the runs that ended since).
            std::vector<double> t;
            for (int s = 0; s < 5; ++s) {
                StoreMetricsSource fresh(store);
                MetricsWriter writer;
                auto start = std::chrono::steady_clock::now();
                fresh.collect(writer);
                t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            }
            std::sort(t.begin(), t.end());
            std::printf("  first store scrape after a start (whole history)  median %.1f ms\n", t[t.size() / 2]);
        }
    } catch (const Poco::Exception& e) {
        std::cerr << "console-metrics-bench: " << e.displayText() << "\n";
        status = 70;
    } catch (const std::exception& e) {
        std::cerr << "console-metrics-bench: " << e.what() << "\n";
        status = 70;
    }
    if (std::getenv("KEEP_STORE")) {
        std::printf("store kept in %s (KEEP_STORE is set)\n", directory.c_str());
        return status;
    }
    try {
        Poco::File(directory).remove(true);
    } catch (const Poco::Exception& e) {
        std::cerr << "console-metrics-bench: cannot remove " << directory << ": " << e.displayText() << "\n";
    }
    return status;
}
