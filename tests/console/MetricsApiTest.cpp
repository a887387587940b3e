// MetricsApiTest.cpp — jobhost console tests: /metrics (Prometheus text) names
// and values for a store state the test writes, and `serve --metrics-public`.
// SPDX-License-Identifier: Apache-2.0
#include "MetricsApiTest.h"

#include <map>
#include <cmath>
#include <cstring>
#include <set>
#include <sstream>

#include "console/ConsoleAudit.h"
#include "console/ConsoleSubsystem.h"
#include "exports/DeadLetterRepository.h"
#include "exports/ExportStatusRepository.h"
#include "ExportTotalsFixture.h"
#include "audiences/OutboxRepository.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"

using namespace jobhost::host;

namespace {

/// A finished (or running) run of `job` that took `durationMs`; returns its id.
Poco::Int64 addRun(ConsoleFixture& console, const std::string& job, const std::string& status, Poco::Int64 read, Poco::Int64 written,
                   Poco::Int64 durationMs) {
    Poco::Data::Session session = console.store().openSession();
    JobRecord record = JobRepository(session).get(job);
    RunRecord run;
    run.jobId = record.id;
    run.jobName = job;
    run.trigger = "schedule";
    run.startedAt = ConsoleAudit::nowMs() - durationMs - 1000;
    run.worker = "test:1";
    RunRepository runs(session);
    run.id = runs.insert(run);
    if (status == "running") return run.id;
    run.status = status;
    run.endedAt = run.startedAt + durationMs;
    run.counters.read = read;
    run.counters.written = written;
    run.counters.duplicate = read - written;
    runs.finish(run);
    return run.id;
}

/// Ends the running run `id` with `status` after `durationMs`.
void finishRun(ConsoleFixture& console, Poco::Int64 id, const std::string& status, Poco::Int64 read, Poco::Int64 durationMs) {
    Poco::Data::Session session = console.store().openSession();
    RunRepository runs(session);
    RunRecord run = *runs.find(id);
    run.status = status;
    run.endedAt = run.startedAt + durationMs;
    run.counters.read = read;
    run.counters.written = read;
    runs.finish(run);
}

/// The value of the sample line starting with `series` ("name{labels}"); NaN when absent.
double sampleValue(const std::string& text, const std::string& series) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
    return std::nan("");
}

} // namespace

void MetricsApiTest::setUp() {
    _pConsole = std::make_unique<ConsoleFixture>();
    _pConsole->createAuthorization("main");
}

void MetricsApiTest::tearDown() {
    if (_pConsole) CPPUNIT_ASSERT(!_pConsole->canarySeen());
    _pConsole.reset();
}

void MetricsApiTest::testRunMetricsForKnownState() {
    _pConsole->createJob("nightly", "main");
    _pConsole->createJob("hourly", "main");
    addRun(*_pConsole, "nightly", "ok", 10, 8, 2000);      // 2 s
    addRun(*_pConsole, "nightly", "retry", 4, 4, 30000);   // 30 s
    addRun(*_pConsole, "nightly", "retry", 0, 0, 100);     // 0.1 s
    addRun(*_pConsole, "nightly", "ok", 6, 6, 7200000);    // 2 h
    addRun(*_pConsole, "hourly", "failed", 1, 0, 500);
    addRun(*_pConsole, "hourly", "running", 0, 0, 0);
    Poco::Int64 checkpointAt = ConsoleAudit::nowMs() - 90000; // 90 s ago
    {
        Poco::Data::Session session = _pConsole->store().openSession();
        JobRepository jobs(session);
        jobs.saveState(jobs.get("nightly").id, R"({"cursor":7})", 0, checkpointAt);
    }
    HttpResult r = _pConsole->call("GET", "/metrics");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT(r.headers.get("Content-Type", "").find("text/plain; version=0.0.4") == 0);
    const std::string& m = r.body;
    auto value = [&](const std::string& series) { return sampleValue(m, series); };
    CPPUNIT_ASSERT_EQUAL_MESSAGE(m, 2.0, value(R"(jobhost_runs_total{job="nightly",status="ok"})"));
    CPPUNIT_ASSERT_EQUAL(2.0, value(R"(jobhost_runs_total{job="nightly",status="retry"})"));
    CPPUNIT_ASSERT_EQUAL(1.0, value(R"(jobhost_runs_total{job="hourly",status="running"})"));
    CPPUNIT_ASSERT_EQUAL(20.0, value(R"(jobhost_records_read_total{job="nightly"})"));
    CPPUNIT_ASSERT_EQUAL(18.0, value(R"(jobhost_records_written_total{job="nightly"})"));
    CPPUNIT_ASSERT_EQUAL(2.0, value(R"(jobhost_records_duplicate_total{job="nightly"})"));
    CPPUNIT_ASSERT_EQUAL(0.0, value(R"(jobhost_records_rejected_total{job="nightly"})"));
    CPPUNIT_ASSERT_EQUAL(2.0, value(R"(jobhost_run_retries_total{job="nightly"})"));
    CPPUNIT_ASSERT_EQUAL(0.0, value(R"(jobhost_run_retries_total{job="hourly"})"));
    // Histogram: 0.1 s, 2 s, 30 s, 7200 s for nightly (the running run is not counted).
    CPPUNIT_ASSERT_EQUAL(1.0, value(R"(jobhost_run_duration_seconds_bucket{job="nightly",le="1"})"));
    CPPUNIT_ASSERT_EQUAL(2.0, value(R"(jobhost_run_duration_seconds_bucket{job="nightly",le="5"})"));
    CPPUNIT_ASSERT_EQUAL(3.0, value(R"(jobhost_run_duration_seconds_bucket{job="nightly",le="60"})"));
    CPPUNIT_ASSERT_EQUAL(3.0, value(R"(jobhost_run_duration_seconds_bucket{job="nightly",le="3600"})"));
    CPPUNIT_ASSERT_EQUAL(4.0, value(R"(jobhost_run_duration_seconds_bucket{job="nightly",le="14400"})"));
    CPPUNIT_ASSERT_EQUAL(4.0, value(R"(jobhost_run_duration_seconds_bucket{job="nightly",le="+Inf"})"));
    CPPUNIT_ASSERT_EQUAL(4.0, value(R"(jobhost_run_duration_seconds_count{job="nightly"})"));
    CPPUNIT_ASSERT_DOUBLES_EQUAL(7232.1, value(R"(jobhost_run_duration_seconds_sum{job="nightly"})"), 1e-6);
    CPPUNIT_ASSERT_EQUAL(1.0, value(R"(jobhost_run_duration_seconds_count{job="hourly"})"));
    // Job state.
    CPPUNIT_ASSERT_EQUAL(2.0, value(R"(jobhost_jobs{state="enabled"})"));
    CPPUNIT_ASSERT_EQUAL(0.0, value(R"(jobhost_jobs{state="paused"})"));
    CPPUNIT_ASSERT(!std::isnan(value(R"(jobhost_job_last_success_timestamp_seconds{job="nightly"})")));
    CPPUNIT_ASSERT(std::isnan(value(R"(jobhost_job_last_success_timestamp_seconds{job="hourly"})"))); // never succeeded
    double age = value(R"(jobhost_job_checkpoint_age_seconds{job="nightly"})");
    CPPUNIT_ASSERT_MESSAGE(std::to_string(age), age >= 90.0 && age < 90.0 + 120.0);
    CPPUNIT_ASSERT(std::isnan(value(R"(jobhost_job_checkpoint_age_seconds{job="hourly"})"))); // no state yet
}

void MetricsApiTest::testScrapesFollowNewAndEndingRuns() {
    // The source keeps the sums of ended runs between scrapes; every scrape
    // must still show exactly what the store holds.
    _pConsole->createJob("nightly", "main");
    auto scrape = [&] { return _pConsole->call("GET", "/metrics").body; };
    const std::string ok = R"(jobhost_runs_total{job="nightly",status="ok"})";
    const std::string running = R"(jobhost_runs_total{job="nightly",status="running"})";
    const std::string failed = R"(jobhost_runs_total{job="nightly",status="failed"})";
    const std::string read = R"(jobhost_records_read_total{job="nightly"})";
    const std::string count = R"(jobhost_run_duration_seconds_count{job="nightly"})";
    addRun(*_pConsole, "nightly", "ok", 10, 10, 2000);
    std::string m = scrape();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(m, 1.0, sampleValue(m, ok));
    CPPUNIT_ASSERT_EQUAL(10.0, sampleValue(m, read));

    Poco::Int64 slow = addRun(*_pConsole, "nightly", "running", 0, 0, 0); // stays running while later runs end
    addRun(*_pConsole, "nightly", "ok", 5, 5, 3000);
    m = scrape();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(m, 2.0, sampleValue(m, ok));
    CPPUNIT_ASSERT_EQUAL(1.0, sampleValue(m, running));
    CPPUNIT_ASSERT_EQUAL(15.0, sampleValue(m, read));
    CPPUNIT_ASSERT_EQUAL(2.0, sampleValue(m, count));

    finishRun(*_pConsole, slow, "failed", 7, 400000);
    addRun(*_pConsole, "nightly", "ok", 1, 1, 100);
    m = scrape();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(m, 3.0, sampleValue(m, ok));
    CPPUNIT_ASSERT(std::isnan(sampleValue(m, running)));
    CPPUNIT_ASSERT_EQUAL(1.0, sampleValue(m, failed));
    CPPUNIT_ASSERT_EQUAL(23.0, sampleValue(m, read));
    CPPUNIT_ASSERT_EQUAL(4.0, sampleValue(m, count));
    CPPUNIT_ASSERT_EQUAL(3.0, sampleValue(m, R"(jobhost_run_duration_seconds_bucket{job="nightly",le="5"})"));
    CPPUNIT_ASSERT_EQUAL(3.0, sampleValue(m, R"(jobhost_run_duration_seconds_bucket{job="nightly",le="300"})"));
    CPPUNIT_ASSERT_EQUAL(4.0, sampleValue(m, R"(jobhost_run_duration_seconds_bucket{job="nightly",le="900"})"));
    m = scrape(); // nothing changed: the same figures again
    CPPUNIT_ASSERT_EQUAL(3.0, sampleValue(m, ok));
    CPPUNIT_ASSERT_EQUAL(23.0, sampleValue(m, read));

    // A job whose runs are kept disappears (its runs go with it): the sums are rebuilt.
    _pConsole->createJob("hourly", "main");
    addRun(*_pConsole, "hourly", "ok", 4, 4, 1000);
    m = scrape();
    CPPUNIT_ASSERT_EQUAL(1.0, sampleValue(m, R"(jobhost_runs_total{job="hourly",status="ok"})"));
    {
        Poco::Data::Session session = _pConsole->store().openSession();
        session << "DELETE FROM jobs WHERE name = 'nightly'", Poco::Data::Keywords::now;
    }
    m = scrape();
    CPPUNIT_ASSERT_MESSAGE(m, std::isnan(sampleValue(m, ok)));
    CPPUNIT_ASSERT(std::isnan(sampleValue(m, read)));
    CPPUNIT_ASSERT_EQUAL(1.0, sampleValue(m, R"(jobhost_runs_total{job="hourly",status="ok"})"));
    CPPUNIT_ASSERT_EQUAL(4.0, sampleValue(m, R"(jobhost_records_read_total{job="hourly"})"));
}

void MetricsApiTest::testExportMetricsForKnownState() {
    HttpResult created = _pConsole->call("POST", "/api/v1/jobs",
                                         R"({"name":"out","provider":"postup","type":"export","authorization":"main","config":{"audience":"a"}})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
    Poco::Int64 now = ConsoleAudit::nowMs();
    {
        Poco::Data::Session session = _pConsole->store().openSession();
        audiences::OutboxRepository outbox(session);
        for (profiles::ProfileId profile : {1, 2, 3, 4}) {
            audiences::MembershipChange change;
            change.audience = "a";
            change.profile = profile;
            change.at = lql::TimeMs{now};
            outbox.enqueue("out", change, "{}");
        }
        auto rows = outbox.all("out");
        outbox.markInflight({rows[0].id});
        audiences::OutboxItem item = rows[1];
        exports::DeadLetterRepository(session).add(item, "rejected by the remote", now);
        outbox.complete({rows[1].id});
        exports::ExportStatusRepository(session).add("out", exportTotals(3, 40, 2, 5, 1), now - 10000, "");
    }
    HttpResult r = _pConsole->call("GET", "/metrics");
    const std::string& m = r.body;
    auto value = [&](const std::string& series) { return sampleValue(m, series); };
    CPPUNIT_ASSERT_EQUAL_MESSAGE(m, 3.0, value(R"(jobhost_export_outbox_depth{job="out"})"));
    CPPUNIT_ASSERT_EQUAL(1.0, value(R"(jobhost_export_outbox_inflight{job="out"})"));
    CPPUNIT_ASSERT_EQUAL(0.0, value(R"(jobhost_export_outbox_retrying{job="out"})"));
    CPPUNIT_ASSERT_EQUAL(1.0, value(R"(jobhost_export_dead_letters{job="out"})"));
    CPPUNIT_ASSERT_EQUAL(40.0, value(R"(jobhost_export_items_total{job="out",result="delivered"})"));
    CPPUNIT_ASSERT_EQUAL(2.0, value(R"(jobhost_export_items_total{job="out",result="skipped"})"));
    CPPUNIT_ASSERT_EQUAL(5.0, value(R"(jobhost_export_items_total{job="out",result="retried"})"));
    CPPUNIT_ASSERT_EQUAL(1.0, value(R"(jobhost_export_items_total{job="out",result="rejected"})"));
    CPPUNIT_ASSERT_EQUAL(3.0, value(R"(jobhost_export_batches_total{job="out"})"));
    // Records out / rejected of an export job come from its export totals.
    CPPUNIT_ASSERT_EQUAL(40.0, value(R"(jobhost_records_delivered_total{job="out"})"));
    CPPUNIT_ASSERT_EQUAL(1.0, value(R"(jobhost_records_rejected_total{job="out"})"));
    CPPUNIT_ASSERT_DOUBLES_EQUAL(static_cast<double>(now - 10000) / 1000.0, value(R"(jobhost_export_last_batch_timestamp_seconds{job="out"})"), 1e-3);
    double age = value(R"(jobhost_export_oldest_waiting_age_seconds{job="out"})");
    CPPUNIT_ASSERT_MESSAGE(std::to_string(age), age >= 0 && age < 120);
}

void MetricsApiTest::testRateLimitWaitSeconds() {
    RateLimitSettings settings;
    settings.requestsPerSecond = 100; // one token per 10 ms
    settings.burst = 1;
    auto bucket = _pConsole->rateLimiters().bucket("postup", "main", settings);
    CPPUNIT_ASSERT(bucket->acquire());
    std::int64_t waited = 0;
    CPPUNIT_ASSERT(bucket->acquire({}, &waited)); // the bucket is empty: this one waits
    CPPUNIT_ASSERT(waited > 0);
    const std::string m = _pConsole->call("GET", "/metrics").body;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(m, 2.0, sampleValue(m, R"(jobhost_rate_limit_requests_total{provider="postup",authorization="main"})"));
    CPPUNIT_ASSERT_EQUAL(1.0, sampleValue(m, R"(jobhost_rate_limit_waits_total{provider="postup",authorization="main"})"));
    CPPUNIT_ASSERT_DOUBLES_EQUAL(static_cast<double>(waited) / 1000.0,
                                 sampleValue(m, R"(jobhost_rate_limit_wait_seconds_total{provider="postup",authorization="main"})"), 1e-6);
}

void MetricsApiTest::testEveryFamilyDeclaredOnceAndGrouped() {
    _pConsole->createJob("nightly", "main");
    addRun(*_pConsole, "nightly", "ok", 3, 3, 1500);
    const std::string m = _pConsole->call("GET", "/metrics").body;
    // Exposition format: one TYPE per family, and every sample right under
    // its own family's TYPE line (a family is never split into two groups).
    std::set<std::string> typed;
    std::string current;
    std::istringstream in(m);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("# TYPE ", 0) == 0) {
            std::string name = line.substr(7, line.find(' ', 7) - 7);
            CPPUNIT_ASSERT_MESSAGE("TYPE twice: " + name, typed.insert(name).second);
            current = name;
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        std::string name = line.substr(0, line.find_first_of("{ "));
        std::string family = name;
        if (!typed.count(family))
            for (const char* suffix : {"_bucket", "_sum", "_count"})
                if (family.size() > std::strlen(suffix) && family.compare(family.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
                    family.erase(family.size() - std::strlen(suffix));
        CPPUNIT_ASSERT_EQUAL_MESSAGE("sample outside its family's group: " + line, current, family);
    }
    for (const char* required : {"jobhost_runs_total", "jobhost_records_read_total", "jobhost_records_written_total",
                                 "jobhost_records_rejected_total", "jobhost_run_retries_total", "jobhost_rate_limit_wait_seconds_total",
                                 "jobhost_export_outbox_depth", "jobhost_export_dead_letters", "jobhost_job_checkpoint_age_seconds",
                                 "jobhost_run_duration_seconds"})
        CPPUNIT_ASSERT_MESSAGE(std::string("missing family ") + required, typed.count(required));
    CPPUNIT_ASSERT_EQUAL(0.0, sampleValue(m, "jobhost_metrics_source_errors"));
}

void MetricsApiTest::testMetricsNeedTokenByDefault() {
    HttpResult r = _pConsole->anonymous("GET", "/metrics");
    CPPUNIT_ASSERT_EQUAL(401, r.status);
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->call("GET", "/metrics").status);
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->anonymous("GET", "/healthz").status);
}

void MetricsApiTest::testMetricsPublicLeavesApiClosed() {
    _pConsole.reset();
    ConsoleFixture::Options options;
    options.metricsPublic = true;
    _pConsole = std::make_unique<ConsoleFixture>(options);
    _pConsole->createAuthorization("main");
    _pConsole->createJob("nightly", "main");
    HttpResult metrics = _pConsole->anonymous("GET", "/metrics");
    CPPUNIT_ASSERT_EQUAL(200, metrics.status);
    CPPUNIT_ASSERT(metrics.body.find(R"(jobhost_job_running{job="nightly"} 0)") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->anonymous("GET", "/healthz").status);
    for (const char* path : {"/api/v1/jobs", "/api/v1/providers", "/api/v1/exports", "/api/v1/runs", "/api/v1/audit"})
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 401, _pConsole->anonymous("GET", path).status);
    int audits = _pConsole->auditCount();
    CPPUNIT_ASSERT_EQUAL(401, _pConsole->anonymous("POST", "/api/v1/jobs/nightly/pause", "{}").status);
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
}

void MetricsApiTest::testMetricsPublicOptionParsed() {
    CPPUNIT_ASSERT(!ConsoleSubsystem::readOptions({}).metricsPublic);
    ConsoleOptions o = ConsoleSubsystem::readOptions({{"metrics-public", ""}});
    CPPUNIT_ASSERT(o.metricsPublic);
    CPPUNIT_ASSERT(o.authRequired);
}
