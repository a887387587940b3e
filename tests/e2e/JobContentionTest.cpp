// JobContentionTest.cpp — one job started twice at once (two `job run`, or `job run` beside `serve`): one run, one clear refusal.
// SPDX-License-Identifier: Apache-2.0
#include "JobContentionTest.h"

#include <chrono>
#include <fstream>
#include <memory>
#include <thread>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "E2eEnvironment.h"
#include "JobhostCliRunner.h"
#include "jobhost/sim/SimulatorServer.h"
#include "store/RunRepository.h"
#include "store/Store.h"

namespace jobhost::tests::e2e {
namespace {

std::unique_ptr<sim::SimulatorServer> slowSimulator() {
    sim::SimulatorOptions o;
    o.seed = 5;
    o.recipients = 60;
    o.lists = 2;
    o.campaigns = 2;
    o.mailingsPerCampaign = 2;
    o.eventsPerMailing = 30;
    o.lockoutThreshold = 0;
    sim::FaultRule slow;
    slow.kind = sim::FaultKind::Latency;
    slow.route = "*";
    slow.latencyMs = 100;
    o.faults.rules.push_back(slow);
    auto simulator = std::make_unique<sim::SimulatorServer>(o);
    simulator->start();
    return simulator;
}

JobhostCliRunner cliFor(const std::string& home) {
    JobhostCliRunner cli(E2eEnvironment::jobhostExecutable, E2eEnvironment::pluginDirectory, E2eEnvironment::manifestDirectory, home);
    cli.setEnvironment("POSTUP_PASSWORD", "secret");
    return cli;
}

/// Applies one import job "import" (hourly schedule, so `serve` runs it at once) on the simulator.
void applyImportJob(const JobhostCliRunner& cli, const sim::SimulatorServer& simulator) {
    const std::string config = Poco::Path(cli.homeDirectory(), "config.json").toString();
    std::ofstream(config) << R"({"authorizations":{"sim":{"provider":"postup","method":"password","label":"sim",)"
                          << R"("fields":{"username":"api@example.com","password":"${env:POSTUP_PASSWORD}","api_base_url":")"
                          << simulator.apiBaseUrl() << R"("}}},"jobs":{"import":{"provider":"postup","type":"import",)"
                          << R"("authorization":"sim","schedule":{"interval_seconds":3600},"config":{"site_id":")" << simulator.siteId()
                          << R"(","report_base_url":")" << simulator.reportBaseUrl() << R"(","site_short_name":")" << simulator.siteName()
                          << R"("}}}})";
    auto applied = cli.run({"apply", config});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(applied.describe(), 0, applied.exitCode);
}

std::vector<host::RunRecord> runs(const std::string& home) {
    host::Store store(E2eEnvironment::storeOf(home));
    Poco::Data::Session session = store.openSession();
    return host::RunRepository(session).list("", 100);
}

/// Waits (up to 30 s) until the store shows a run of "import" with the given status.
bool waitForRun(const std::string& home, const std::string& status) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        // (SQLite: not before serve created the file, which the look would create first.)
        if (E2eEnvironment::storeOf(home).isPostgres() || Poco::File(host::Store::defaultFile(home)).exists())
            for (const auto& r : runs(home))
                if (r.status == status) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void assertNoLockError(const std::string& what, const std::string& output) {
    CPPUNIT_ASSERT_MESSAGE(what + " mentions a locked database:\n" + output, !contains(output, "locked"));
    CPPUNIT_ASSERT_MESSAGE(what + " hit a busy database:\n" + output, !contains(output, "SQLITE_BUSY"));
}

/// The refusal of a `job run` whose job another run holds.
void assertRefused(const JobhostCliRunner::Result& refused, Poco::Int64 holder) {
    CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.describe(), 1, refused.exitCode);
    CPPUNIT_ASSERT_MESSAGE(refused.describe(),
                           contains(refused.out, "job \"import\" is already running (run #" + std::to_string(holder) + " on "));
    CPPUNIT_ASSERT_MESSAGE(refused.describe(), !contains(refused.out, ": ok ("));
}

} // namespace

void JobContentionTest::setUp() {
    _home = Poco::TemporaryFile::tempName();
    Poco::File(_home).createDirectories();
}

void JobContentionTest::tearDown() {
    try {
        Poco::File(_home).remove(true);
    } catch (...) {
    }
}

void JobContentionTest::testTwoJobRunsAtOnceMakeOneRunAndOneClearRefusal() {
    auto simulator = slowSimulator();
    JobhostCliRunner cli = cliFor(_home);
    applyImportJob(cli, *simulator);
    const int rounds = 4;
    for (int round = 1; round <= rounds; ++round) {
        JobhostCliRunner::Result first, second;
        std::thread a([&] { first = cli.run({"job", "run", "import"}); });
        std::thread b([&] { second = cli.run({"job", "run", "import"}); });
        a.join();
        b.join();
        assertNoLockError("round " + std::to_string(round), first.describe() + second.describe());
        const bool firstWon = first.exitCode == 0;
        const auto& won = firstWon ? first : second;
        const auto& lost = firstWon ? second : first;
        // The winner's run id: on SQLite round n makes run #n; PostgreSQL's
        // id sequence may skip an id a refused run's rolled-back insert took.
        const std::string started = "info: run #";
        const auto at = won.out.find(started);
        CPPUNIT_ASSERT_MESSAGE(won.describe(), at != std::string::npos);
        const Poco::Int64 id = std::stoll(won.out.substr(at + started.size()));
        CPPUNIT_ASSERT_MESSAGE(first.describe() + second.describe(), contains(won.out, "job import run #" + std::to_string(id) + ": ok"));
        assertRefused(lost, id);
    }
    auto recorded = runs(_home);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(rounds), recorded.size());
    for (const auto& r : recorded) CPPUNIT_ASSERT_EQUAL_MESSAGE("run #" + std::to_string(r.id) + " " + r.error, std::string("ok"), r.status);
}

void JobContentionTest::testJobRunWhileServeRunsTheJobIsRefused() {
    auto simulator = slowSimulator();
    JobhostCliRunner cli = cliFor(_home);
    applyImportJob(cli, *simulator);
    auto serve = cli.start({"serve", "--no-console", "--poll-ms", "100"});
    CPPUNIT_ASSERT_MESSAGE("serve never started the scheduled run:\n" + serve->output(), waitForRun(_home, "running"));
    auto refused = cli.run({"job", "run", "import"});
    assertRefused(refused, 1);
    CPPUNIT_ASSERT_MESSAGE("the scheduled run never finished:\n" + serve->output(), waitForRun(_home, "ok"));
    const int exitCode = serve->stop();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(serve->output(), 0, exitCode);
    assertNoLockError("serve", serve->output());
    assertNoLockError("job run", refused.describe());
    auto recorded = runs(_home);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(serve->output(), std::size_t(1), recorded.size());
    CPPUNIT_ASSERT_EQUAL(std::string("schedule"), recorded[0].trigger);
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), recorded[0].status);
}

void JobContentionTest::testServeDoesNotStartTheJobWhileJobRunHoldsIt() {
    auto simulator = slowSimulator();
    JobhostCliRunner cli = cliFor(_home);
    applyImportJob(cli, *simulator);
    JobhostCliRunner::Result manual;
    std::thread runner([&] { manual = cli.run({"job", "run", "import"}); });
    CPPUNIT_ASSERT(waitForRun(_home, "running"));
    auto serve = cli.start({"serve", "--no-console", "--poll-ms", "100"});
    runner.join();
    // serve polled every 100 ms while the manual run held the job, and goes on a moment after it ended.
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    const int exitCode = serve->stop();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(manual.describe(), 0, manual.exitCode);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(serve->output(), 0, exitCode);
    assertNoLockError("serve", serve->output());
    assertNoLockError("job run", manual.describe());
    auto recorded = runs(_home);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(serve->output(), std::size_t(1), recorded.size());
    CPPUNIT_ASSERT_EQUAL(std::string("manual"), recorded[0].trigger);
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), recorded[0].status);
}

} // namespace jobhost::tests::e2e
