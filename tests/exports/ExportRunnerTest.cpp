// jobhost exports tests — ExportRunnerTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ExportRunnerTest.h"

#include <sys/wait.h>
#include <unistd.h>

#include "TestSupport.h"
#include "audiences/OutboxRepository.h"
#include "export/ExportState.h"
#include "export/PostupExportJob.h"
#include "exports/DeadLetterReplayer.h"
#include "exports/DeadLetterRepository.h"
#include "exports/ExportRunner.h"
#include "exports/ExportStatusRepository.h"
#include "jobhost/sim/SimulatorServer.h"
#include "store/JobRepository.h"
#include "support/ExportHarness.h"
#include "support/HookTransport.h"
#include "transport/FixedRandomSource.h"
#include "transport/ManualClock.h"

namespace jobhost::host::exports::test {
namespace {

using plugins::postup::ExportState;

std::string config(const std::string& extra = "") {
    return R"({"audience":"engaged","import_poll_interval_ms":10,"backfill":false)" + (extra.empty() ? "" : "," + extra) + "}";
}

std::string email(int i) { return "user" + std::to_string(i) + "@runner.example.com"; }

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

ExportRunner::Options withPostup(std::optional<int> batchSize = std::nullopt, std::optional<std::int64_t> flushMs = std::nullopt) {
    ExportRunner::Options o;
    o.pJob = std::make_shared<plugins::postup::PostupExportJob>();
    o.batchSize = batchSize;
    o.flushIntervalMs = flushMs;
    return o;
}

std::int64_t listOf(ExportHarness& h) {
    Poco::Data::Session session = h.store().openSession();
    JobRepository jobs(session);
    return ExportState::parse(jobs.loadState(jobs.get(ExportHarness::jobName()).id).value_or("")).listId;
}

} // namespace

void ExportRunnerTest::setUp() {
    sim::SimulatorOptions o;
    o.recipients = 20;
    o.lists = 2;
    o.campaigns = 0;
    o.importDelayMs = 20;
    o.lockoutThreshold = 0;
    _pSim = std::make_unique<sim::SimulatorServer>(o);
    _pSim->start();
}

void ExportRunnerTest::tearDown() { _pSim.reset(); }

void ExportRunnerTest::testBatchesBySizeAndAge() {
    ExportHarness h(_pSim->apiBaseUrl(), config(R"("batch_size":5,"flush_interval_ms":60000)"));
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    CPPUNIT_ASSERT_EQUAL(5, runner.batchSize());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(60000), runner.flushIntervalMs());
    const std::int64_t now = nowMs();
    for (int i = 1; i <= 4; ++i) h.enqueue(i, "enter", {{"email", email(i)}}, now);
    CPPUNIT_ASSERT_EQUAL(std::string("idle"), runner.step().status); // 4 < 5 and young
    h.enqueue(5, "enter", {{"email", email(5)}}, now);
    h.enqueue(6, "enter", {{"email", email(6)}}, now);
    auto s = runner.step();
    CPPUNIT_ASSERT_EQUAL(std::string("delivered"), s.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(5), s.items); // by size
    CPPUNIT_ASSERT_EQUAL(std::string("idle"), runner.step().status);
    h.enqueue(7, "enter", {{"email", email(7)}}, now - 61000); // old enough
    s = runner.step();
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), s.items); // by age
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), runner.waiting());
    CPPUNIT_ASSERT_EQUAL(std::size_t(7), normalMembers(*_pSim, listOf(h)).size());
}

void ExportRunnerTest::testDeliversOutboxAndDeadLettersBadEmails() {
    ExportHarness h(_pSim->apiBaseUrl(), config(R"("remove_on_exit":true,"field_mappings":{"first_name":"FirstName"})"));
    const std::int64_t now = nowMs();
    for (int i = 1; i <= 30; ++i) h.enqueue(i, "enter", {{"email", email(i)}, {"first_name", "N" + std::to_string(i)}}, now);
    h.enqueue(31, "enter", {{"email", "broken@@example.com"}}, now);
    h.enqueue(32, "enter", {{"first_name", "no email"}}, now);
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup(10));
    runner.start();
    auto steps = runner.drain();
    CPPUNIT_ASSERT_EQUAL(std::size_t(4), steps.size());
    // 3 and 4 leave; 5 updates; an exit of someone never sent is harmless.
    h.enqueue(3, "exit", {{"email", email(3)}}, now);
    h.enqueue(4, "exit", {{"email", email(4)}}, now);
    h.enqueue(5, "update", {{"email", email(5)}, {"first_name", "Five"}}, now);
    runner.drain();

    std::set<std::string> expected;
    for (int i = 1; i <= 30; ++i)
        if (i != 3 && i != 4) expected.insert(email(i));
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, listOf(h)));

    Poco::Data::Session session = h.store().openSession();
    auto letters = DeadLetterRepository(session).list(ExportHarness::jobName());
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), letters.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(31), letters[0].profileId);
    CPPUNIT_ASSERT_EQUAL(std::string("invalid email address \"broken@@example.com\": more than one '@'"), letters[0].reason);
    CPPUNIT_ASSERT(letters[1].reason.find("is empty") != std::string::npos);
    auto status = ExportStatusRepository(session).find(ExportHarness::jobName());
    CPPUNIT_ASSERT(status.has_value());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(33), status->totals.delivered); // 30 enters + 2 exits + 1 update
    CPPUNIT_ASSERT_EQUAL(std::int64_t(2), status->totals.rejected);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), audiences::OutboxRepository(session).waitingCount(ExportHarness::jobName()));
}

void ExportRunnerTest::testRetryLaterRequeuesWithBackoff() {
    ExportHarness h(_pSim->apiBaseUrl(), config());
    // Time and jitter are the test's: the backoff after attempt 1 is exactly
    // the manifest's export_item base (5 s) — full jitter at its upper bound.
    auto clock = std::make_shared<ManualClock>(nowMs());
    h.services().pClock = clock;
    h.services().pRandom = std::make_shared<FixedRandomSource>(1.0);
    sim::FaultSettings faults;
    sim::FaultRule down;
    down.kind = sim::FaultKind::Error;
    down.route = "POST /api/import";
    faults.rules = {down};
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    CPPUNIT_ASSERT_EQUAL(std::string("idle"), runner.step(true).status); // prepares, nothing waits
    _pSim->setFaults(faults);
    const std::int64_t now = clock->epochMs();
    for (int i = 1; i <= 3; ++i) h.enqueue(i, "enter", {{"email", email(i)}}, now);
    auto s = runner.step(true);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(3), s.totals.retried);
    {
        Poco::Data::Session session = h.store().openSession();
        auto items = audiences::OutboxRepository(session).all(ExportHarness::jobName());
        CPPUNIT_ASSERT_EQUAL(std::size_t(3), items.size());
        for (const auto& item : items) {
            CPPUNIT_ASSERT_EQUAL(std::string("sealed"), item.state);
            CPPUNIT_ASSERT_EQUAL(std::int64_t(1), item.attempts);
            CPPUNIT_ASSERT_EQUAL(now + 5000, item.availableAt.ms);
        }
    }
    _pSim->setFaults({});
    // Not yet available: the backoff holds them until its last millisecond.
    clock->advance(4999);
    CPPUNIT_ASSERT_EQUAL(std::string("idle"), runner.step(true).status);
    clock->advance(1);
    auto steps = runner.drain();
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), steps.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(3), steps[0].totals.delivered);
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), normalMembers(*_pSim, listOf(h)).size());
}

void ExportRunnerTest::testOrderGuardSurvivesRestart() {
    ExportHarness h(_pSim->apiBaseUrl(), config(R"("field_mappings":{"first_name":"FirstName"})"));
    auto clock = std::make_shared<ManualClock>(nowMs());
    h.services().pClock = clock;
    h.services().pRandom = std::make_shared<FixedRandomSource>(1.0);
    const std::int64_t now = clock->epochMs();
    {
        ExportRunner first(h.services(), ExportHarness::jobName(), withPostup());
        first.start();
        CPPUNIT_ASSERT_EQUAL(std::string("idle"), first.step(true).status);
        sim::FaultSettings faults;
        sim::FaultRule down;
        down.kind = sim::FaultKind::Error;
        down.route = "POST /api/import";
        faults.rules = {down};
        _pSim->setFaults(faults);
        h.enqueue(1, "enter", {{"email", email(1)}, {"first_name", "Old"}}, now);
        CPPUNIT_ASSERT_EQUAL(std::int64_t(1), first.step(true).totals.retried); // waits 5 s for its retry
        _pSim->setFaults({});
    } // the runner process stops here
    // Newer changes arrive while the older one waits: one of the same
    // profile (a new row: the waiting one is sealed) and one of another.
    h.enqueue(1, "update", {{"email", email(1)}, {"first_name", "New"}}, now);
    h.enqueue(2, "enter", {{"email", email(2)}, {"first_name", "Other"}}, now);

    ExportRunner restarted(h.services(), ExportHarness::jobName(), withPostup());
    restarted.start();
    auto s = restarted.step(true);
    CPPUNIT_ASSERT_EQUAL(std::string("delivered"), s.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.items); // profile 2 only: profile 1's update waits behind its enter
    CPPUNIT_ASSERT_EQUAL(std::string("idle"), restarted.step(true).status);
    {
        Poco::Data::Session session = h.store().openSession();
        auto items = audiences::OutboxRepository(session).all(ExportHarness::jobName());
        CPPUNIT_ASSERT_EQUAL(std::size_t(2), items.size());
        CPPUNIT_ASSERT_EQUAL(std::string("enter"), items[0].event);
        CPPUNIT_ASSERT_EQUAL(std::string("update"), items[1].event);
    }
    clock->advance(5000);
    s = restarted.step(true);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.items); // the enter, alone
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), s.totals.delivered);
    s = restarted.step(true);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), s.items); // then the update
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), s.totals.delivered);
    CPPUNIT_ASSERT_EQUAL(std::string("New"), demographicsOf(*_pSim, email(1))["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::string("Other"), demographicsOf(*_pSim, email(2))["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), restarted.waiting());
}

void ExportRunnerTest::testNullFieldLeavesDemographicAlone() {
    ExportHarness h(_pSim->apiBaseUrl(), config(R"("field_mappings":{"first_name":"FirstName","city":"city"})"));
    const std::int64_t now = nowMs();
    h.enqueue(1, "enter", {{"email", email(1)}, {"first_name", "Ann"}, {"city", "Bern"}}, now);
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), runner.drain().at(0).totals.delivered);
    // A snapshot whose first_name is null: the field counts as absent.
    {
        Poco::Data::Session session = h.store().openSession();
        audiences::MembershipChange change;
        change.audience = "engaged";
        change.profile = 1;
        change.kind = audiences::MembershipChange::Kind::Update;
        change.at = lql::TimeMs{now};
        audiences::OutboxRepository(session).enqueue(ExportHarness::jobName(), change,
                                                     R"({"email":")" + email(1) + R"(","first_name":null,"city":"Chur"})");
    }
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), runner.drain().at(0).totals.delivered);
    auto demographics = demographicsOf(*_pSim, email(1));
    CPPUNIT_ASSERT_EQUAL(std::string("Ann"), demographics["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::string("Chur"), demographics["_City"]);
}

void ExportRunnerTest::testOutboxIdsAreNeverReused() {
    ExportHarness h(_pSim->apiBaseUrl(), config(R"("field_mappings":{"first_name":"FirstName"})"));
    const std::int64_t now = nowMs();
    h.enqueue(1, "enter", {{"email", email(1)}, {"first_name", "Ann"}}, now);
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    std::int64_t delivered = 0;
    {
        Poco::Data::Session session = h.store().openSession();
        delivered = audiences::OutboxRepository(session).all(ExportHarness::jobName()).at(0).id;
    }
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), runner.drain().at(0).totals.delivered);
    // The outbox is empty now. The next change must get a new id: the
    // plugin still remembers the last import's ids (crash resumption) and
    // would take a reused one for a change it already sent.
    h.enqueue(1, "update", {{"email", email(1)}, {"first_name", "Bea"}}, now);
    {
        Poco::Data::Session session = h.store().openSession();
        CPPUNIT_ASSERT(audiences::OutboxRepository(session).all(ExportHarness::jobName()).at(0).id > delivered);
    }
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), runner.drain().at(0).totals.delivered);
    CPPUNIT_ASSERT_EQUAL(std::string("Bea"), demographicsOf(*_pSim, email(1))["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), successfulCalls(*_pSim, "POST", "/api/import"));
}

void ExportRunnerTest::testOptedOutCountedAsSkipped() {
    const std::string optedOut = "gone@runner.example.com";
    auto created = apiCall(*_pSim, "POST", "/recipient", R"({"address":")" + optedOut + R"(","channel":"E","status":"O"})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 200, created.status);
    ExportHarness h(_pSim->apiBaseUrl(), config());
    const std::int64_t now = nowMs();
    h.enqueue(1, "enter", {{"email", email(1)}}, now);
    h.enqueue(2, "enter", {{"email", optedOut}}, now);
    h.enqueue(3, "enter", {{"email", email(3)}}, now);
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    auto steps = runner.drain();
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), steps.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(2), steps[0].totals.delivered);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), steps[0].totals.skipped);
    CPPUNIT_ASSERT(std::set<std::string>({email(1), email(3)}) == normalMembers(*_pSim, listOf(h)));

    Poco::Data::Session session = h.store().openSession();
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), DeadLetterRepository(session).count(""));
    auto status = ExportStatusRepository(session).find(ExportHarness::jobName());
    CPPUNIT_ASSERT(status.has_value());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(2), status->totals.delivered);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), status->totals.skipped);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), status->totals.rejected);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), status->totals.skippedBy.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), status->totals.skippedBy[plugins::postup::PostupExportJob::kOptedOutReason]);
}

void ExportRunnerTest::testPrepareFailureKeepsChangesWaiting() {
    ExportHarness h(_pSim->apiBaseUrl(), config(R"("field_mappings":{"ltv":"LifetimeValue"})"));
    h.enqueue(1, "enter", {{"email", email(1)}}, nowMs());
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    auto s = runner.step(true);
    CPPUNIT_ASSERT_EQUAL(std::string("prepare-failed"), s.status);
    CPPUNIT_ASSERT(s.error.find("LifetimeValue") != std::string::npos);
    CPPUNIT_ASSERT(s.waitMs > 0);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), runner.waiting());
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), _pSim->mutations().size());
    Poco::Data::Session session = h.store().openSession();
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), DeadLetterRepository(session).count(""));
    auto status = ExportStatusRepository(session).find(ExportHarness::jobName());
    CPPUNIT_ASSERT(status && status->lastError.find("CURRENCY") != std::string::npos);
}

void ExportRunnerTest::testReplayRequeuesDeadLetter() {
    ExportHarness h(_pSim->apiBaseUrl(), config());
    h.enqueue(77, "enter", {{"email", "nobody"}}, nowMs());
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    runner.drain();
    Poco::Data::Session session = h.store().openSession();
    auto letters = DeadLetterRepository(session).list(ExportHarness::jobName());
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), letters.size());
    DeadLetterReplayer replayer(session);
    CPPUNIT_ASSERT(!replayer.replay("other-job", letters[0].id, nowMs()));
    CPPUNIT_ASSERT(replayer.replay(ExportHarness::jobName(), letters[0].id, nowMs()));
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), DeadLetterRepository(session).count(""));
    // Profile 77 does not exist in the store: it is re-queued as an exit.
    auto items = audiences::OutboxRepository(session).all(ExportHarness::jobName());
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), items.size());
    CPPUNIT_ASSERT_EQUAL(std::string("exit"), items[0].event);
    auto steps = runner.drain();
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), steps.at(0).totals.skipped); // remove_on_exit is off
}

void ExportRunnerTest::crashTest(bool afterStateSaved) {
    ExportHarness h(_pSim->apiBaseUrl(), config());
    const std::int64_t now = nowMs();
    for (int i = 1; i <= 25; ++i) h.enqueue(i, "enter", {{"email", email(i)}}, now);
    sim::FaultSettings slow;
    slow.slowImportMs = 200;
    _pSim->setFaults(slow);
    _pSim->clearMutations();

    const pid_t child = ::fork();
    if (child == 0) {
        // The "process" that crashes: dies right after POST /import was
        // answered (before the plugin saved the import id), or at the first
        // status poll (after it saved it) — never recording results.
        try {
            auto wrap = [afterStateSaved](std::shared_ptr<sdk::HttpTransport> inner) {
                auto hook = std::make_shared<HookTransport>(inner);
                hook->after = [afterStateSaved](const sdk::HttpRequest& r, const sdk::HttpResponse&) {
                    if (!afterStateSaved && r.method == "POST" && r.url.size() >= 11 && r.url.compare(r.url.size() - 11, 11, "/api/import") == 0)
                        ::_exit(17);
                };
                hook->before = [afterStateSaved](const sdk::HttpRequest& r) {
                    if (afterStateSaved && r.method == "GET" && r.url.find("/api/import/") != std::string::npos) ::_exit(17);
                };
                return hook;
            };
            ExportHarness childHarness(_pSim->apiBaseUrl(), config(), h);
            childHarness.transports().wrap = wrap;
            ExportRunner runner(childHarness.services(), ExportHarness::jobName(), withPostup());
            runner.start();
            runner.drain();
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0); // not reached when the hook fires
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CPPUNIT_ASSERT(WIFEXITED(status));
    CPPUNIT_ASSERT_EQUAL(17, WEXITSTATUS(status));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/import"));
    {
        Poco::Data::Session session = h.store().openSession();
        std::size_t inflight = 0;
        for (const auto& item : audiences::OutboxRepository(session).all(ExportHarness::jobName())) inflight += item.state == "inflight";
        CPPUNIT_ASSERT_EQUAL(std::size_t(25), inflight);
        auto state = ExportState::parse(JobRepository(session).loadState(JobRepository(session).get(ExportHarness::jobName()).id).value_or(""));
        // The intent is saved before the POST: either way one pending import (with or without its id).
        CPPUNIT_ASSERT_EQUAL(std::size_t(1), state.pendingImports.size());
        CPPUNIT_ASSERT_EQUAL(afterStateSaved, state.pendingImports.front().importId > 0);
    }

    // Restart: the in-flight rows are delivered first.
    ExportRunner runner(h.services(), ExportHarness::jobName(), withPostup());
    runner.start();
    auto steps = runner.drain();
    CPPUNIT_ASSERT(!steps.empty());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(25), steps[0].totals.delivered);
    std::set<std::string> expected;
    for (int i = 1; i <= 25; ++i) expected.insert(email(i));
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, listOf(h)));
    // Saved import id → resumed. Without it (the crash hit between the answer
    // and the save) the saved intent finds the import by its template and row
    // count: not imported a second time either (scripts/chaos counted every
    // row twice before).
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/import"));
    std::size_t recipientsCreated = 0;
    for (const auto& m : _pSim->mutations()) recipientsCreated += m.method == "POST" && m.path == "/api/recipient";
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), recipientsCreated);
    Poco::Data::Session session = h.store().openSession();
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), audiences::OutboxRepository(session).all(ExportHarness::jobName()).size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), DeadLetterRepository(session).count(""));
}

void ExportRunnerTest::testCrashBetweenImportAndRecording() { crashTest(true); }

void ExportRunnerTest::testCrashRightAfterImportAnswer() { crashTest(false); }

} // namespace jobhost::host::exports::test
