// JobApiTest.cpp — jobhost console tests: jobs and runs (validation like apply, control, progress, audit).
// SPDX-License-Identifier: Apache-2.0
#include "JobApiTest.h"

#include <sstream>

#include <Poco/JSON/Array.h>

#include "ConsoleFixture.h"
#include "app/HostException.h"
#include "config/DeclarativeConfig.h"
#include "console/ConsoleAudit.h"
#include "util/JsonDocument.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"

using namespace jobhost::host;

namespace {

std::string jobBody(const std::string& name, const std::string& extra) {
    return R"({"name":")" + name + R"(","provider":"postup","type":"import","authorization":"main")" + extra + "}";
}

Poco::Int64 insertRun(ConsoleFixture& console, const std::string& job, const std::string& status, Poco::Int64 read, Poco::Int64 durationMs) {
    Poco::Data::Session session = console.store().openSession();
    JobRecord record = JobRepository(session).get(job);
    RunRecord run;
    run.jobId = record.id;
    run.jobName = job;
    run.trigger = "manual";
    run.startedAt = ConsoleAudit::nowMs() - durationMs;
    run.worker = "test:1";
    RunRepository runs(session);
    run.id = runs.insert(run);
    if (status != "running") {
        run.status = status;
        run.endedAt = run.startedAt + durationMs;
        run.counters.read = read;
        run.counters.written = read - 1;
        runs.finish(run);
    }
    runs.appendLog(run.id, run.startedAt, "info", "downloaded 3 reports");
    return run.id;
}

} // namespace

void JobApiTest::setUp() {
    _pConsole = std::make_unique<ConsoleFixture>();
    _pConsole->createAuthorization("main");
}

void JobApiTest::tearDown() { _pConsole.reset(); }

void JobApiTest::testCreateJob() {
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("POST", "/api/v1/jobs", jobBody("nightly", R"(,"schedule":{"interval_seconds":600},"config":{"site_id":"s-1"})"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 201, r.status);
    Poco::JSON::Object::Ptr job = r.object();
    CPPUNIT_ASSERT_EQUAL(std::string("scheduled"), job->getValue<std::string>("state"));
    CPPUNIT_ASSERT_EQUAL(600, job->getObject("schedule")->getValue<int>("interval_seconds"));
    CPPUNIT_ASSERT(!job->getObject("schedule")->get("nextRunAt").isEmpty());
    // Defaults filled in by the manifest schema, as apply does.
    CPPUNIT_ASSERT_EQUAL(1000, job->getObject("config")->getValue<int>("page_size"));
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("create job:nightly"), _pConsole->lastAudit());
    // Without a schedule the job type's default interval applies.
    r = _pConsole->call("POST", "/api/v1/jobs", jobBody("default", R"(,"config":{"site_id":"s-1"})"));
    CPPUNIT_ASSERT_EQUAL(201, r.status);
    CPPUNIT_ASSERT_EQUAL(3600, r.object()->getObject("schedule")->getValue<int>("interval_seconds"));
    CPPUNIT_ASSERT_EQUAL(409, _pConsole->call("POST", "/api/v1/jobs", jobBody("nightly", R"(,"config":{"site_id":"s-1"})")).status);
    HttpResult list = _pConsole->call("GET", "/api/v1/jobs");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), list.object()->getArray("jobs")->size());
}

void JobApiTest::testJobValidationNamesField() {
    struct Case {
        std::string body;
        std::string field;
    };
    std::vector<Case> cases{
        {jobBody("j", R"(,"config":{})"), "config.site_id"},
        {jobBody("j", R"(,"config":{"site_id":"s","page_size":0})"), "config.page_size"},
        {jobBody("j", R"(,"config":{"site_id":"s","page_size":"many"})"), "config.page_size"},
        {jobBody("j", R"(,"config":{"site_id":"s","surprise":true})"), "config.surprise"},
        {jobBody("j", R"(,"schedule":{"interval_seconds":-5},"config":{"site_id":"s"})"), "schedule.interval_seconds"},
        {jobBody("j", R"(,"schedule":{"every":"day"},"config":{"site_id":"s"})"), "schedule.every"},
        {jobBody("j", R"(,"enabled":"yes","config":{"site_id":"s"})"), "enabled"},
        {jobBody("j", R"(,"colour":"red","config":{"site_id":"s"})"), "colour"},
        {jobBody("", R"(,"config":{"site_id":"s"})"), "name"},
        {R"({"name":"j","provider":"postup","type":"sync","authorization":"main","config":{}})", "type"},
        {R"({"name":"j","provider":"nope","type":"import","authorization":"main","config":{}})", "provider"},
    };
    int audits = _pConsole->auditCount();
    for (const auto& c : cases) {
        HttpResult r = _pConsole->call("POST", "/api/v1/jobs", c.body);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body + " → " + r.body, 400, r.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body + " → " + r.body, c.field, r.errorField());
    }
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
}

void JobApiTest::testUnknownAuthorizationRefused() {
    HttpResult r = _pConsole->call("POST", "/api/v1/jobs",
                                   R"({"name":"j","provider":"postup","type":"import","authorization":"ghost","config":{"site_id":"s"}})");
    CPPUNIT_ASSERT_EQUAL(400, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("authorization"), r.errorField());
    CPPUNIT_ASSERT(r.errorMessage().find("ghost") != std::string::npos);
}

void JobApiTest::testUpdateJobAudited() {
    _pConsole->createJob("nightly", "main");
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("PUT", "/api/v1/jobs/nightly",
                                   R"({"provider":"postup","type":"import","authorization":"main","schedule":{"interval_seconds":0},"config":{"site_id":"s-2"}})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("manual"), r.object()->getValue<std::string>("state"));
    CPPUNIT_ASSERT(r.object()->getObject("schedule")->get("nextRunAt").isEmpty());
    Poco::JSON::Array::Ptr changed = r.object()->getArray("changed");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), changed->size());
    CPPUNIT_ASSERT_EQUAL(std::string("config"), changed->getElement<std::string>(0));
    CPPUNIT_ASSERT_EQUAL(std::string("schedule"), changed->getElement<std::string>(1));
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("update job:nightly"), _pConsole->lastAudit());
    HttpResult bad = _pConsole->call("PUT", "/api/v1/jobs/nightly", R"({"provider":"postup","type":"import","authorization":"main","config":{}})");
    CPPUNIT_ASSERT_EQUAL(400, bad.status);
    CPPUNIT_ASSERT_EQUAL(std::string("config.site_id"), bad.errorField());
    CPPUNIT_ASSERT_EQUAL(404, _pConsole->call("PUT", "/api/v1/jobs/ghost", R"({"provider":"postup"})").status);
}

void JobApiTest::testUnchangedUpdateWritesNoAudit() {
    _pConsole->createJob("nightly", "main");
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("PUT", "/api/v1/jobs/nightly",
                                   R"({"provider":"postup","type":"import","authorization":"main","schedule":{"interval_seconds":3600},"config":{"site_id":"0000-site"}})");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), r.object()->getArray("changed")->size());
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
}

void JobApiTest::testPauseAndResume() {
    _pConsole->createJob("nightly", "main");
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("POST", "/api/v1/jobs/nightly/pause");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("paused"), r.object()->getValue<std::string>("state"));
    CPPUNIT_ASSERT(r.object()->getObject("schedule")->get("nextRunAt").isEmpty());
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("pause job:nightly"), _pConsole->lastAudit());
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->call("POST", "/api/v1/jobs/nightly/pause").status); // idempotent
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    r = _pConsole->call("POST", "/api/v1/jobs/nightly/resume");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("scheduled"), r.object()->getValue<std::string>("state"));
    CPPUNIT_ASSERT(!r.object()->getObject("schedule")->get("nextRunAt").isEmpty());
    CPPUNIT_ASSERT_EQUAL(audits + 2, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("resume job:nightly"), _pConsole->lastAudit());
    CPPUNIT_ASSERT_EQUAL(404, _pConsole->call("POST", "/api/v1/jobs/ghost/pause").status);
}

void JobApiTest::testRunNow() {
    _pConsole->createJob("nightly", "main");
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("POST", "/api/v1/jobs/nightly/run");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 202, r.status);
    CPPUNIT_ASSERT_EQUAL(1000, r.object()->getValue<int>("runId"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), _pConsole->jobControl().calls().size());
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("run job:nightly"), _pConsole->lastAudit());
    CPPUNIT_ASSERT_EQUAL(404, _pConsole->call("POST", "/api/v1/jobs/ghost/run").status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), _pConsole->jobControl().calls().size());
}

void JobApiTest::testRunNowWhenBusy() {
    _pConsole->createJob("nightly", "main");
    _pConsole->jobControl().busy.insert("nightly");
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("POST", "/api/v1/jobs/nightly/run");
    CPPUNIT_ASSERT_EQUAL(409, r.status);
    CPPUNIT_ASSERT(r.errorMessage().find("already running") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
}

void JobApiTest::testRunsListAndDetail() {
    _pConsole->createJob("nightly", "main");
    _pConsole->createJob("other", "main");
    Poco::Int64 first = insertRun(*_pConsole, "nightly", "ok", 10, 2000);
    insertRun(*_pConsole, "other", "failed", 3, 500);
    HttpResult all = _pConsole->call("GET", "/api/v1/runs");
    CPPUNIT_ASSERT_EQUAL(200, all.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), all.object()->getArray("runs")->size());
    HttpResult one = _pConsole->call("GET", "/api/v1/runs?job=nightly&limit=5");
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), one.object()->getArray("runs")->size());
    HttpResult detail = _pConsole->call("GET", "/api/v1/runs/" + std::to_string(first));
    CPPUNIT_ASSERT_EQUAL(200, detail.status);
    Poco::JSON::Object::Ptr run = detail.object();
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), run->getValue<std::string>("status"));
    CPPUNIT_ASSERT_EQUAL(10, run->getObject("counters")->getValue<int>("read"));
    CPPUNIT_ASSERT_EQUAL(9, run->getObject("counters")->getValue<int>("written"));
    CPPUNIT_ASSERT_EQUAL(100.0, run->getObject("progress")->getValue<double>("percent"));
    CPPUNIT_ASSERT_EQUAL(std::string("downloaded 3 reports"), run->getArray("log")->getObject(0)->getValue<std::string>("message"));
    HttpResult job = _pConsole->call("GET", "/api/v1/jobs/nightly");
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), job.object()->getObject("lastRun")->getValue<std::string>("status"));
    CPPUNIT_ASSERT_EQUAL(404, _pConsole->call("GET", "/api/v1/runs/99999").status);
    HttpResult bad = _pConsole->call("GET", "/api/v1/runs/abc");
    CPPUNIT_ASSERT_EQUAL(400, bad.status);
    CPPUNIT_ASSERT_EQUAL(std::string("id"), bad.errorField());
    HttpResult limit = _pConsole->call("GET", "/api/v1/runs?limit=0");
    CPPUNIT_ASSERT_EQUAL(400, limit.status);
    CPPUNIT_ASSERT_EQUAL(std::string("limit"), limit.errorField());
}

void JobApiTest::testRunProgressFromBoard() {
    _pConsole->createJob("nightly", "main");
    Poco::Int64 id = insertRun(*_pConsole, "nightly", "running", 0, 0);
    HttpResult r = _pConsole->call("GET", "/api/v1/runs/" + std::to_string(id));
    CPPUNIT_ASSERT(r.object()->getObject("progress")->get("percent").isEmpty()); // unknown yet
    auto observer = _pConsole->progress().observerFor(id);
    observer->onProgress(3, 12, "reports");
    r = _pConsole->call("GET", "/api/v1/runs/" + std::to_string(id));
    Poco::JSON::Object::Ptr progress = r.object()->getObject("progress");
    CPPUNIT_ASSERT_EQUAL(25.0, progress->getValue<double>("percent"));
    CPPUNIT_ASSERT_EQUAL(std::string("reports"), progress->getValue<std::string>("unit"));
    CPPUNIT_ASSERT_EQUAL(std::string("running"), r.object()->getValue<std::string>("status"));
}

void JobApiTest::testMetricsCountRuns() {
    _pConsole->createJob("nightly", "main");
    insertRun(*_pConsole, "nightly", "ok", 10, 2000);
    insertRun(*_pConsole, "nightly", "ok", 5, 20000);
    insertRun(*_pConsole, "nightly", "failed", 1, 100);
    HttpResult r = _pConsole->call("GET", "/metrics");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    const std::string& m = r.body;
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_runs_total{job=\"nightly\",status=\"ok\"} 2\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_runs_total{job=\"nightly\",status=\"failed\"} 1\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_records_read_total{job=\"nightly\"} 16\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_records_written_total{job=\"nightly\"} 13\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_run_duration_seconds_bucket{job=\"nightly\",le=\"5\"} 2\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_run_duration_seconds_bucket{job=\"nightly\",le=\"+Inf\"} 3\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_run_duration_seconds_count{job=\"nightly\"} 3\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_jobs{state=\"enabled\"} 1\n") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(m, m.find("jobhost_job_last_success_timestamp_seconds{job=\"nightly\"}") != std::string::npos);
}

void JobApiTest::testAuditListEveryMutation() {
    _pConsole->createJob("nightly", "main");
    _pConsole->call("POST", "/api/v1/jobs/nightly/pause");
    _pConsole->call("POST", "/api/v1/jobs/nightly/resume");
    _pConsole->call("POST", "/api/v1/jobs/nightly/run");
    HttpResult r = _pConsole->call("GET", "/api/v1/audit?limit=10");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    Poco::JSON::Array::Ptr rows = r.object()->getArray("audit");
    std::vector<std::string> actions;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        Poco::JSON::Object::Ptr row = rows->getObject(static_cast<unsigned>(i));
        actions.push_back(row->getValue<std::string>("action") + " " + row->getValue<std::string>("objectName"));
        CPPUNIT_ASSERT(row->getValue<std::string>("actor").rfind("console@127.0.0.1", 0) == 0);
        CPPUNIT_ASSERT(row->getValue<Poco::Int64>("at") > 0);
    }
    std::vector<std::string> expected{"run nightly", "resume nightly", "pause nightly", "create nightly", "create main"};
    CPPUNIT_ASSERT(actions == expected);
    // before/after diff of a pause.
    Poco::JSON::Object::Ptr pause = rows->getObject(2)->getObject("detail");
    CPPUNIT_ASSERT(pause->getObject("before")->getValue<bool>("enabled"));
    CPPUNIT_ASSERT(!pause->getObject("after")->getValue<bool>("enabled"));
}

void JobApiTest::testRetryOverridesValidatedLikeApply() {
    struct Case {
        std::string retry;
        std::string field;
    };
    for (const Case& c : std::vector<Case>{{R"({"max_attempts":-1})", "retry.max_attempts"},
                                           {R"({"jitter":1})", "retry.jitter"},
                                           {R"({"base_ms":5000,"cap_ms":10})", "retry.cap_ms"},
                                           {R"("often")", "retry"}}) {
        HttpResult r = _pConsole->call("POST", "/api/v1/jobs", jobBody("j", R"(,"retry":)" + c.retry + R"(,"config":{"site_id":"s"})"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.retry + " → " + r.body, 400, r.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.retry + " → " + r.body, c.field, r.errorField());
    }
    HttpResult created = _pConsole->call("POST", "/api/v1/jobs", jobBody("j", R"(,"retry":{"max_attempts":2,"base_ms":500},"config":{"site_id":"s"})"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
    CPPUNIT_ASSERT_EQUAL(2, created.object()->getObject("retry")->getValue<int>("max_attempts"));
    CPPUNIT_ASSERT(created.object()->getObject("retry")->get("cap_ms").isEmpty());
    // A PUT without a retry block (the web form has none) keeps the overrides; one with a block replaces them.
    HttpResult kept = _pConsole->call("PUT", "/api/v1/jobs/j", jobBody("j", R"(,"config":{"site_id":"s2"})"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(kept.body, 200, kept.status);
    CPPUNIT_ASSERT_EQUAL(2, kept.object()->getObject("retry")->getValue<int>("max_attempts"));
    HttpResult replaced = _pConsole->call("PUT", "/api/v1/jobs/j", jobBody("j", R"(,"retry":{"max_attempts":7},"config":{"site_id":"s2"})"));
    CPPUNIT_ASSERT_EQUAL(7, replaced.object()->getObject("retry")->getValue<int>("max_attempts"));
    CPPUNIT_ASSERT(replaced.object()->getObject("retry")->get("base_ms").isEmpty());
    CPPUNIT_ASSERT_EQUAL(std::string("retry"), replaced.object()->getArray("changed")->getElement<std::string>(0));
    Poco::Data::Session session = _pConsole->store().openSession();
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(7), *JobRepository(session).get("j").retry.maxAttempts);
}

void JobApiTest::testSameProblemsAsApply() {
    // The same job object, once as a console body and once in a declarative
    // config, yields the same problems in the same order (one code path).
    const std::string job = R"({"provider":"postup","type":"import","authorization":"main","colour":"red",)"
                            R"("schedule":{"interval_seconds":-1},"retry":{"cap_ms":"x"},"config":{"page_size":0,"surprise":1}})";
    std::vector<std::string> fromApply;
    try {
        Poco::JSON::Object::Ptr document = JsonDocument::parseObject(
            R"({"authorizations":{"main":{"provider":"postup","method":"password","fields":{"username":"u","password":"${env:NOPE}",)"
            R"("api_base_url":"http://127.0.0.1:1/api"}}},"jobs":{"j":)" + job + "}}",
            "test");
        DeclarativeConfig::read(document, "cfg.json", *_pConsole->services().pPlugins);
        CPPUNIT_FAIL("apply accepted the job");
    } catch (const ConfigException& e) {
        std::istringstream lines(e.message());
        std::string line;
        std::getline(lines, line); // "cfg.json: N problems"
        while (std::getline(lines, line)) {
            const std::string prefix = "  jobs.j.";
            CPPUNIT_ASSERT_MESSAGE(line, line.rfind(prefix, 0) == 0);
            fromApply.push_back(line.substr(prefix.size()));
        }
    }
    HttpResult r = _pConsole->call("POST", "/api/v1/jobs", R"({"name":"j",)" + job.substr(1));
    CPPUNIT_ASSERT_EQUAL(400, r.status);
    std::string joined;
    for (const auto& line : fromApply) joined += (joined.empty() ? "" : "; ") + line;
    CPPUNIT_ASSERT(fromApply.size() >= 5);
    CPPUNIT_ASSERT_EQUAL(joined, r.errorMessage());
    CPPUNIT_ASSERT_EQUAL(std::string("colour"), r.errorField());
}
