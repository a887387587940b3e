// tests/host/runtime — RunnerTest.cpp
// JobRunner and Scheduler against the runtime fixture plugin, on a ManualClock.
// SPDX-License-Identifier: Apache-2.0
#include "RunnerTest.h"

#include <atomic>
#include <functional>

#include "RuntimeEnvironment.h"
#include "runtime/RunObserver.h"
#include "runtime/Scheduler.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"
#include "store/StreamRepository.h"

namespace jobhost::tests {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

host::JobSchedule schedule(RuntimeEnvironment& env, const std::string& job) {
    Poco::Data::Session session = env.pStore->openSession();
    host::JobRepository jobs(session);
    return jobs.schedule(jobs.get(job).id);
}

} // namespace

void RunnerTest::testRetryIsPersistedWithBackoffAndResumedByScheduler() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("r", "retry_n", R"({"retries": 2})"));
    env.pRandom->setFraction(0.5);
    host::JobRunner runner(*env.pServices);
    host::RunResult first = runner.run("r", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("retry"), first.status);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), first.attempt);
    // Full jitter after attempt 1: uniform [0, min(cap 3000, base 1000 * 2^0)] → half of 1000 with fraction 0.5.
    std::int64_t end = env.pClock->epochMs();
    CPPUNIT_ASSERT(first.nextRunAt);
    CPPUNIT_ASSERT_EQUAL(end + 500, *first.nextRunAt);
    host::JobSchedule s = schedule(env, "r");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), s.attempt);
    CPPUNIT_ASSERT_EQUAL(std::string("retry"), s.nextTrigger);
    CPPUNIT_ASSERT_EQUAL(*first.nextRunAt, s.nextRunAt.value());

    host::Scheduler::Options options;
    options.workers = 1;
    host::Scheduler scheduler(*env.pServices, options);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), scheduler.tick()); // not due yet
    env.pClock->advance(499);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), scheduler.tick());
    env.pClock->advance(1);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), scheduler.tick());
    scheduler.waitIdle();
    s = schedule(env, "r");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), s.attempt);
    // After attempt 2: ceiling min(3000, 2000) = 2000, half = 1000.
    CPPUNIT_ASSERT_EQUAL(env.pClock->epochMs() + 1000, s.nextRunAt.value());
    env.pClock->advance(1000);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), scheduler.tick());
    scheduler.waitIdle();
    scheduler.stop();
    s = schedule(env, "r");
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), s.lastStatus);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), s.attempt);
    CPPUNIT_ASSERT(!s.nextRunAt); // manual-only job: nothing scheduled after success

    Poco::Data::Session session = env.pStore->openSession();
    auto runs = host::RunRepository(session).list("r", 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), runs.size());
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), runs[0].status);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(3), runs[0].attempt);
    CPPUNIT_ASSERT_EQUAL(std::string("retry"), runs[0].trigger);
    CPPUNIT_ASSERT_EQUAL(std::string("2"), runs[0].checkpointBefore.value()); // resumed at the checkpoint
    CPPUNIT_ASSERT_EQUAL(std::string("3"), runs[0].checkpointAfter.value());
    CPPUNIT_ASSERT_EQUAL(std::string("retry"), runs[2].status);
    CPPUNIT_ASSERT_EQUAL(std::string("manual"), runs[2].trigger);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), runs[2].attempt);
    CPPUNIT_ASSERT(runs[2].nextAttemptAt);
}

void RunnerTest::testRetryAfterIsALowerBound() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("r", "retry_n", R"({"retries": 5, "retry_after_ms": 5000})"));
    env.pRandom->setFraction(1.0);
    host::RunResult result = host::JobRunner(*env.pServices).run("r", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("retry"), result.status);
    CPPUNIT_ASSERT_EQUAL(env.pClock->epochMs() + 5000, result.nextRunAt.value()); // max(Retry-After 5000, backoff ≤ 1000)
}

void RunnerTest::testRetriesExhaustedEndInFailure() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("r", "retry_n", R"({"retries": 10})"));
    host::JobRunner runner(*env.pServices);
    host::RunResult result;
    for (int i = 0; i < 4; ++i) result = runner.run("r", "", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("failed"), result.status); // manifest: max_attempts 4
    CPPUNIT_ASSERT_EQUAL(std::string("exhausted"), result.failureClass);
    CPPUNIT_ASSERT_MESSAGE(result.error, contains(result.error, "attempt"));
    CPPUNIT_ASSERT_MESSAGE(result.error, contains(result.error, "transient trouble on attempt 4"));
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), schedule(env, "r").attempt);
}

void RunnerTest::testPerJobRetryOverride() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("r", "retry_n", R"({"retries": 10})"));
    {
        Poco::Data::Session session = env.pStore->openSession();
        host::JobRepository jobs(session);
        host::JobRecord job = jobs.get("r");
        job.retry.maxAttempts = 2;
        jobs.update(job);
    }
    host::JobRunner runner(*env.pServices);
    CPPUNIT_ASSERT_EQUAL(std::string("retry"), runner.run("r", "", nullptr, {}).status);
    host::RunResult second = runner.run("r", "", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("failed"), second.status);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(2), second.maxAttempts);
}

void RunnerTest::testFailAndThrowAreRecordedRedacted() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("f", "always_fail", "{}"));
    host::RunResult failed = host::JobRunner(*env.pServices).run("f", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("failed"), failed.status);
    CPPUNIT_ASSERT_EQUAL(std::string("remote"), failed.failureClass);
    CPPUNIT_ASSERT_EQUAL(std::string("remote refused the request for token ***"), failed.error);
    env.apply(RuntimeEnvironment::jobConfig("t", "throws", "{}"));
    host::RunResult thrown = host::JobRunner(*env.pServices).run("t", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("failed"), thrown.status);
    CPPUNIT_ASSERT_EQUAL(std::string("internal"), thrown.failureClass);
    CPPUNIT_ASSERT_EQUAL(std::string("the plugin threw an exception: boom with token ***"), thrown.error);
    Poco::Data::Session session = env.pStore->openSession();
    host::RunRepository runs(session);
    for (const auto& run : runs.list("", 10)) {
        CPPUNIT_ASSERT(!contains(run.error, RuntimeEnvironment::Canary));
        for (const auto& line : runs.log(run.id)) CPPUNIT_ASSERT_MESSAGE(line.message, !contains(line.message, RuntimeEnvironment::Canary));
    }
}

void RunnerTest::testCheckpointCommitsRecordsAndStateAndDeduplicates() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("e", "emitter", R"({"count": 10, "checkpoint_every": 4})"));
    host::RunResult result = host::JobRunner(*env.pServices).run("e", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), result.status);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(10), result.counters.written);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(3), result.counters.checkpoints); // at 4, 8, and the final 10
    Poco::Data::Session session = env.pStore->openSession();
    host::StreamRepository streams(session);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(10), streams.count("runtime_events"));
    CPPUNIT_ASSERT_EQUAL(std::string("10"), host::JobRepository(session).loadState(host::JobRepository(session).get("e").id).value());
    // Re-reading overlapping records never duplicates them.
    env.apply(RuntimeEnvironment::jobConfig("e", "emitter", R"({"count": 12, "checkpoint_every": 4, "overlap": 5})"));
    result = host::JobRunner(*env.pServices).run("e", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), result.status);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(7), result.counters.read);      // r5..r11
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), result.counters.written);   // r10, r11
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(5), result.counters.duplicate); // r5..r9
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(12), streams.count("runtime_events"));
    CPPUNIT_ASSERT(streams.duplicateKeys("runtime_events").empty());
    auto events = streams.readAfter("runtime_events", 0, 100);
    CPPUNIT_ASSERT_EQUAL(std::string("r0"), events.front().naturalKey);
    CPPUNIT_ASSERT(host::StreamFieldsCodec::encode({{"index", "0"}}) == events.front().fields);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(12), events.back().seq);
}

void RunnerTest::testBusyWhenAnotherRunHoldsTheJob() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("e", "emitter", "{}"));
    {
        Poco::Data::Session session = env.pStore->openSession();
        host::JobRepository jobs(session);
        CPPUNIT_ASSERT(jobs.claim(jobs.get("e").id, 999, 1, "elsewhere:1", env.pClock->epochMs() + 60000));
    }
    host::RunResult result = host::JobRunner(*env.pServices).run("e", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("busy"), result.status);
    CPPUNIT_ASSERT_EQUAL(std::string("job \"e\" is already running (run #999 on elsewhere:1)"), result.error);
    Poco::Data::Session session = env.pStore->openSession();
    CPPUNIT_ASSERT(host::RunRepository(session).list("e", 10).empty()); // no run row for a refused start
}

void RunnerTest::testAbandonedRunsMarkedAndRescheduled() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("dead", "emitter", "{}") );
    env.apply(RuntimeEnvironment::jobConfig("alive", "emitter", "{}"));
    std::string host = host::RuntimeServices::currentHostName();
    Poco::Data::Session session = env.pStore->openSession();
    host::JobRepository jobs(session);
    host::RunRepository runs(session);
    auto start = [&](const std::string& job, const std::string& worker) {
        host::RunRecord run;
        run.jobId = jobs.get(job).id;
        run.jobName = job;
        run.trigger = "schedule";
        run.startedAt = env.pClock->epochMs();
        run.worker = worker;
        run.id = runs.insert(run);
        jobs.claim(run.jobId, run.id, run.startedAt, worker, run.startedAt + 60000);
        return run.id;
    };
    Poco::Int64 deadRun = start("dead", host + ":999999"); // no such pid
    Poco::Int64 liveRun = start("alive", host + ":1");     // pid 1 always exists
    env.pClock->advance(5000);
    auto abandoned = host::JobRunner(*env.pServices).recoverAbandoned();
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), abandoned.size());
    CPPUNIT_ASSERT_EQUAL(deadRun, abandoned[0].id);
    auto dead = runs.find(deadRun).value();
    CPPUNIT_ASSERT_EQUAL(std::string("abandoned"), dead.status);
    CPPUNIT_ASSERT_EQUAL(env.pClock->epochMs(), dead.endedAt.value());
    CPPUNIT_ASSERT(contains(dead.error, "interrupted"));
    host::JobSchedule s = jobs.schedule(jobs.get("dead").id);
    CPPUNIT_ASSERT(!s.runningRunId);
    CPPUNIT_ASSERT_EQUAL(env.pClock->epochMs(), s.nextRunAt.value());
    CPPUNIT_ASSERT_EQUAL(std::string("recovery"), s.nextTrigger);
    CPPUNIT_ASSERT_EQUAL(std::string("running"), runs.find(liveRun).value().status);
}

namespace {

/// Runs `onCheckpoint` after every checkpoint the run commits.
class CheckpointHook : public host::RunObserver {
public:
    explicit CheckpointHook(std::function<void(const host::RunCounters&)> hook) : _hook(std::move(hook)) {}
    void onCheckpoint(const host::RunCounters& counters) override { _hook(counters); }

private:
    std::function<void(const host::RunCounters&)> _hook;
};

/// The same services as another worker would have them: same store and clock, its own name.
host::RuntimeServices otherWorker(const host::RuntimeServices& services, const std::string& name) {
    host::RuntimeServices other = services;
    other.worker = name;
    return other;
}

} // namespace

void RunnerTest::testExpiredLeaseOfAnotherMachineIsTakenOver() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("far", "emitter", R"({"count": 6, "checkpoint_every": 2})"));
    Poco::Data::Session session = env.pStore->openSession();
    host::JobRepository jobs(session);
    host::RunRepository runs(session);
    host::RunRecord run;
    run.jobId = jobs.get("far").id;
    run.jobName = "far";
    run.trigger = "schedule";
    run.startedAt = env.pClock->epochMs();
    run.worker = "far-away-host:4242"; // not this machine: no pid to look at, only the lease
    run.id = runs.insert(run);
    CPPUNIT_ASSERT(jobs.claim(run.jobId, run.id, run.startedAt, run.worker, run.startedAt + 30000));

    host::JobRunner runner(*env.pServices);
    env.pClock->advance(29999);
    CPPUNIT_ASSERT(runner.recoverAbandoned().empty());
    CPPUNIT_ASSERT_EQUAL(std::string("running"), runs.find(run.id).value().status);
    CPPUNIT_ASSERT_EQUAL(std::string("busy"), runner.run("far", "manual", nullptr, {}).status);

    env.pClock->advance(2);
    auto abandoned = runner.recoverAbandoned();
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), abandoned.size());
    auto taken = runs.find(run.id).value();
    CPPUNIT_ASSERT_EQUAL(std::string("abandoned"), taken.status);
    CPPUNIT_ASSERT_MESSAGE(taken.error, contains(taken.error, "worker far-away-host:4242 stopped renewing the run's lease"));
    host::JobSchedule s = jobs.schedule(run.jobId);
    CPPUNIT_ASSERT(!s.runningRunId && !s.leaseExpiresAt);
    CPPUNIT_ASSERT_EQUAL(std::string("recovery"), s.nextTrigger);
    CPPUNIT_ASSERT(runner.recoverAbandoned().empty()); // once
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), runner.run("far", "", nullptr, {}).status);
}

void RunnerTest::testCheckpointsRenewTheLease() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("slow", "emitter", R"({"count": 40, "checkpoint_every": 4})"));
    host::RuntimeServices other = otherWorker(*env.pServices, "other-host:7");
    host::JobRunner watcher(other);
    std::size_t takeovers = 0;
    // 45 s pass between checkpoints (under the 60 s lease) and another
    // worker looks for expired leases each time: 450 s in all.
    CheckpointHook hook([&](const host::RunCounters&) {
        env.pClock->advance(45000);
        takeovers += watcher.recoverAbandoned().size();
    });
    host::RunResult result = host::JobRunner(*env.pServices).run("slow", "manual", &hook, {});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(result.error, std::string("ok"), result.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), takeovers);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(40), result.counters.written);
    Poco::Data::Session session = env.pStore->openSession();
    host::JobRepository jobs(session);
    host::JobSchedule s = jobs.schedule(jobs.get("slow").id);
    CPPUNIT_ASSERT(!s.runningRunId && !s.leaseExpiresAt); // released with the run
}

void RunnerTest::testRunTakenOverCommitsNothingMoreAndIsResumed() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("split", "emitter", R"({"count": 50, "checkpoint_every": 5})"));
    host::RuntimeServices other = otherWorker(*env.pServices, "other-host:7");
    host::JobRunner watcher(other);
    std::vector<host::RunRecord> takenOver;
    // After the third checkpoint the worker stalls past its lease (61 s
    // without a renewal reaching the store) and the other worker takes over.
    CheckpointHook hook([&](const host::RunCounters& counters) {
        if (counters.checkpoints != 3) return;
        env.pClock->advance(61000);
        takenOver = watcher.recoverAbandoned();
    });
    host::RunResult lost = host::JobRunner(*env.pServices).run("split", "manual", &hook, {});
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), takenOver.size());
    CPPUNIT_ASSERT_EQUAL(lost.runId, takenOver[0].id);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(lost.error, std::string("lost"), lost.status);
    CPPUNIT_ASSERT_MESSAGE(lost.error, contains(lost.error, "lost its lease"));

    Poco::Data::Session session = env.pStore->openSession();
    host::StreamRepository streams(session);
    host::JobRepository jobs(session);
    host::RunRepository runs(session);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(15), streams.count("runtime_events")); // three checkpoints of 5, nothing after
    CPPUNIT_ASSERT_EQUAL(std::string("15"), jobs.loadState(jobs.get("split").id).value());
    auto record = runs.find(lost.runId).value();
    CPPUNIT_ASSERT_EQUAL(std::string("abandoned"), record.status); // as the other worker recorded it
    CPPUNIT_ASSERT_MESSAGE(record.error, contains(record.error, "other-host:7 took it over"));
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(3), record.counters.checkpoints);
    host::JobSchedule s = jobs.schedule(jobs.get("split").id);
    CPPUNIT_ASSERT(!s.runningRunId);
    CPPUNIT_ASSERT_EQUAL(std::string("recovery"), s.nextTrigger);

    host::RunResult resumed = host::JobRunner(other).run("split", "", nullptr, {});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(resumed.error, std::string("ok"), resumed.status);
    CPPUNIT_ASSERT_EQUAL(std::string("recovery"), resumed.trigger);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(35), resumed.counters.written);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(50), streams.count("runtime_events"));
    CPPUNIT_ASSERT(streams.duplicateKeys("runtime_events").empty());
}

void RunnerTest::testIntervalMeasuredFromRunEnd() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("e", "emitter", R"({"count": 3})", R"(, "schedule": {"interval_seconds": 60})"));
    host::Scheduler::Options options;
    options.workers = 2;
    host::Scheduler scheduler(*env.pServices, options);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), scheduler.tick()); // a new scheduled job runs at once
    scheduler.waitIdle();
    host::JobSchedule s = schedule(env, "e");
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), s.lastStatus);
    CPPUNIT_ASSERT_EQUAL(s.lastEndedAt.value() + 60000, s.nextRunAt.value());
    env.pClock->advance(59999);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), scheduler.tick());
    env.pClock->advance(1);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), scheduler.tick());
    scheduler.waitIdle();
    scheduler.stop();
    Poco::Data::Session session = env.pStore->openSession();
    auto runs = host::RunRepository(session).list("e", 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), runs.size());
    CPPUNIT_ASSERT_EQUAL(std::string("schedule"), runs[0].trigger);
}

void RunnerTest::testCancelCheckpointsAndResumes() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("e", "emitter", R"({"count": 10, "checkpoint_every": 100})"));
    std::atomic<int> polls{0};
    host::RunResult stopped = host::JobRunner(*env.pServices).run("e", "manual", nullptr, [&polls] { return ++polls > 6; });
    CPPUNIT_ASSERT_EQUAL(std::string("cancelled"), stopped.status);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(6), stopped.counters.written); // the job checkpointed what it had
    CPPUNIT_ASSERT_EQUAL(env.pClock->epochMs(), stopped.nextRunAt.value()); // resumes at the next start
    host::RunResult resumed = host::JobRunner(*env.pServices).run("e", "", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), resumed.status);
    CPPUNIT_ASSERT_EQUAL(std::string("recovery"), resumed.trigger);
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(4), resumed.counters.written);
    Poco::Data::Session session = env.pStore->openSession();
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(10), host::StreamRepository(session).count("runtime_events"));
}

void RunnerTest::testProfilesFollowEveryOkImportRunEvenWithoutNewRecords() {
    // Found by scripts/chaos: an import killed after committing records (or
    // killed while building profiles) was finished by a run that wrote no new
    // records, and afterImportRun only followed runs that wrote some — the
    // committed records never reached profiles, audiences or exports.
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("e", "emitter", R"({"count": 6, "checkpoint_every": 3})"));
    std::vector<host::RunCounters> synced;
    env.pServices->afterImportRun = [&](const host::RunResult& run) { synced.push_back(run.counters); };
    host::RunResult first = host::JobRunner(*env.pServices).run("e", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), first.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), synced.size());
    // Everything is committed already: the next ok run writes nothing and must still sync.
    host::RunResult second = host::JobRunner(*env.pServices).run("e", "manual", nullptr, {});
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), second.status);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), static_cast<std::int64_t>(second.counters.written));
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), synced.size());
    // A failed run that wrote nothing does not sync.
    env.apply(RuntimeEnvironment::jobConfig("f", "always_fail", "{}"));
    host::RunResult failed = host::JobRunner(*env.pServices).run("f", "manual", nullptr, {});
    CPPUNIT_ASSERT(failed.status != "ok");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), synced.size());
}

} // namespace jobhost::tests
