// RunProgressTest.cpp — jobhost console tests: progress reported by a running
// import reaches GET /api/v1/runs/{id} under its run id while the run is in
// progress. The emitter fixture reports progress after each checkpoint; an
// observer behind the board samples the API synchronously from inside that
// callback, so "mid-run" is exact, not a matter of timing.
// SPDX-License-Identifier: Apache-2.0
#include "RunProgressTest.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "ConsoleFixture.h"
#include "config/DeclarativeConfig.h"
#include "runtime/ConfigApplier.h"
#include "runtime/JobRunner.h"
#include "runtime/RuntimeServices.h"
#include "runtime/Scheduler.h"
#include "security/SecretKey.h"
#include "store/JobRepository.h"
#include "transport/FixedRandomSource.h"
#include "transport/ManualClock.h"

using namespace jobhost::host;

namespace {

/// One look at GET /api/v1/runs/{id} taken inside onProgress().
struct Sample {
    std::uint64_t done = 0;
    std::string status;
    bool percentKnown = false;
    double percent = 0;
};

/// The observer the caller hands to runs: on each progress report it asks
/// the console for the run (the board has already recorded the report).
class ApiSampler : public RunObserver {
public:
    explicit ApiSampler(ConsoleFixture& console) : _console(console) {}
    void onProgress(std::uint64_t done, std::uint64_t, const std::string&) override {
        Sample s;
        s.done = done;
        try {
            HttpResult r = _console.call("GET", "/api/v1/runs/" + std::to_string(runId.load()));
            s.status = r.object()->getValue<std::string>("status");
            Poco::Dynamic::Var p = r.object()->getObject("progress")->get("percent");
            s.percentKnown = !p.isEmpty();
            if (s.percentKnown) s.percent = p.convert<double>();
        } catch (const std::exception& e) {
            s.status = std::string("error: ") + e.what();
        }
        std::lock_guard<std::mutex> lock(_mutex);
        _samples.push_back(s);
    }
    std::vector<Sample> samples() {
        std::lock_guard<std::mutex> lock(_mutex);
        return _samples;
    }
    std::atomic<Poco::Int64> runId{0};

private:
    ConsoleFixture& _console;
    std::mutex _mutex;
    std::vector<Sample> _samples;
};

} // namespace

/// A console over a store with the runtime fixture plugin's "emit" job
/// (emitter: 10 records, checkpoint + progress every 2).
struct RunProgressTest::Environment {
    Environment() {
        ::setenv("CONSOLE_FX_TOKEN", "good-console-progress", 1);
        plugins.loadAll();
        std::string file = console.directory() + "/runtime-config.json";
        std::ofstream(file) << R"({"authorizations": {"fx": {"provider": "runtime", "method": "token", "fields": {"token": "${env:CONSOLE_FX_TOKEN}"}}},
            "jobs": {"emit": {"provider": "runtime", "type": "emitter", "authorization": "fx", "config": {"count": 10, "checkpoint_every": 2}}}})";
        ConfigApplier(console.store(), plugins, box).apply(DeclarativeConfig::readFile(file, plugins), "test", clock->epochMs());
    }

    /// Makes the "emit" job due now.
    void scheduleNow() {
        Poco::Data::Session session = console.store().openSession();
        JobRepository jobs(session);
        JobSchedule schedule = jobs.schedule(jobs.get("emit").id);
        schedule.nextRunAt = clock->epochMs();
        schedule.nextTrigger = "manual";
        jobs.saveSchedule(schedule);
    }

    ConsoleFixture console;
    PluginRegistry plugins{JOBHOST_RUNTIME_FIXTURE_MANIFESTS, JOBHOST_FIXTURE_PLUGIN_DIR};
    SecretBox box{SecretKey::generate()};
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    std::shared_ptr<FixedRandomSource> random = std::make_shared<FixedRandomSource>(1.0);
    TransportFactory transports{clock, random};
    RuntimeServices services{console.store(), plugins, box, transports, clock, random, "test-host", RuntimeServices::currentWorker()};
};

RunProgressTest::RunProgressTest() = default;
RunProgressTest::~RunProgressTest() = default;

void RunProgressTest::setUp() { _pEnv = std::make_unique<Environment>(); }
void RunProgressTest::tearDown() { _pEnv.reset(); }

void RunProgressTest::testPercentRisesWhileSchedulerRunsImport() {
    ConsoleFixture& console = _pEnv->console;
    ApiSampler sampler(console);
    Scheduler::Options options;
    options.workers = 1;
    options.pObserver = &sampler;
    options.observerForRun = [&](std::int64_t runId, RunObserver* next) {
        sampler.runId = runId;
        return console.progress().observerFor(runId, next);
    };
    Scheduler scheduler(_pEnv->services, options);
    _pEnv->scheduleNow();
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), scheduler.tick());
    scheduler.waitIdle();
    scheduler.stop();

    std::vector<Sample> samples = sampler.samples();
    CPPUNIT_ASSERT_EQUAL(std::size_t(5), samples.size()); // progress after records 2, 4, 6, 8, 10
    int midRun = 0;
    double previous = 0;
    for (const Sample& s : samples) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE("sampled while the run was active", std::string("running"), s.status);
        CPPUNIT_ASSERT_MESSAGE("percent known during the run", s.percentKnown);
        CPPUNIT_ASSERT_DOUBLES_EQUAL(10.0 * static_cast<double>(s.done), s.percent, 1e-9);
        CPPUNIT_ASSERT_MESSAGE("percent rises", s.percent > previous);
        previous = s.percent;
        if (s.percent > 0 && s.percent < 100) ++midRun;
    }
    CPPUNIT_ASSERT_EQUAL(4, midRun);

    HttpResult done = console.call("GET", "/api/v1/runs/" + std::to_string(sampler.runId.load()));
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), done.object()->getValue<std::string>("status"));
    CPPUNIT_ASSERT_EQUAL(100.0, done.object()->getObject("progress")->getValue<double>("percent"));
    CPPUNIT_ASSERT_EQUAL(10, done.object()->getObject("counters")->getValue<int>("written"));
}

void RunProgressTest::testRunnerWithoutFactoryLeavesBoardEmpty() {
    // The old wiring: an observer without the run id. The board never hears
    // of the run, so mid-run the API cannot know a percentage.
    ConsoleFixture& console = _pEnv->console;
    ApiSampler sampler(console);
    Poco::Int64 nextId = 0;
    {
        Poco::Data::Session session = console.store().openSession();
        Poco::Int64 max = 0;
        session << "SELECT COALESCE(MAX(id), 0) FROM runs", Poco::Data::Keywords::into(max), Poco::Data::Keywords::now;
        nextId = max + 1;
    }
    sampler.runId = nextId;
    RunResult result = JobRunner(_pEnv->services).run("emit", "manual", &sampler, {});
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), result.status);
    CPPUNIT_ASSERT_EQUAL(nextId, static_cast<Poco::Int64>(result.runId));
    std::vector<Sample> samples = sampler.samples();
    CPPUNIT_ASSERT_EQUAL(std::size_t(5), samples.size());
    for (const Sample& s : samples) {
        CPPUNIT_ASSERT_EQUAL(std::string("running"), s.status);
        CPPUNIT_ASSERT(!s.percentKnown);
    }
    CPPUNIT_ASSERT(!console.progress().find(result.runId));
}

void RunProgressTest::testFailingFactoryDoesNotStopRun() {
    ApiSampler sampler(_pEnv->console);
    JobRunner runner(_pEnv->services, [](std::int64_t, RunObserver*) -> std::shared_ptr<RunObserver> {
        throw std::runtime_error("board unavailable");
    });
    RunResult result = runner.run("emit", "manual", &sampler, {});
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), result.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(5), sampler.samples().size()); // the caller's observer still gets every report
}
