// tests/host/runtime — CrashTest.cpp
// `jobhost job run` in a child process that aborts or is killed (-9); the
// store must hold exactly the checkpointed records, and the next run
// (which marks the dead run abandoned) finishes the rest without duplicates.
// SPDX-License-Identifier: Apache-2.0
#include "CrashTest.h"

#include <chrono>
#include <random>
#include <thread>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include "RuntimeEnvironment.h"
#include "store/JobRepository.h"
#include "store/RunRepository.h"
#include "store/StreamRepository.h"

namespace jobhost::tests {
namespace {

struct Child {
    int exitCode = 0;
    std::string output;
};

/// Runs `jobhost job run NAME` against the environment; kills it with
/// SIGKILL after `killAfterMs` when that is > 0.
Child runJob(const RuntimeEnvironment& env, const std::string& job, int killAfterMs = 0) {
    std::vector<std::string> args = env.cliPrefix();
    args.erase(args.begin());
    args.insert(args.end(), {"job", "run", job});
    Poco::Pipe out;
    Poco::ProcessHandle handle = Poco::Process::launch(RuntimeEnvironment::jobhostExecutable, args, nullptr, &out, &out);
    Child child;
    std::thread killer;
    if (killAfterMs > 0)
        killer = std::thread([&handle, killAfterMs] {
            std::this_thread::sleep_for(std::chrono::milliseconds(killAfterMs));
            try {
                Poco::Process::kill(handle);
            } catch (const Poco::Exception&) {
                // already gone
            }
        });
    Poco::PipeInputStream in(out);
    Poco::StreamCopier::copyToString(in, child.output);
    child.exitCode = handle.wait();
    if (killer.joinable()) killer.join();
    return child;
}

struct StoreView {
    Poco::Int64 stored = 0;
    Poco::Int64 committedNext = 0;
    std::size_t duplicates = 0;
};

StoreView view(RuntimeEnvironment& env, const std::string& job) {
    Poco::Data::Session session = env.pStore->openSession();
    host::StreamRepository streams(session);
    host::JobRepository jobs(session);
    StoreView v;
    v.stored = streams.count("runtime_events");
    v.duplicates = streams.duplicateKeys("runtime_events").size();
    auto state = jobs.loadState(jobs.get(job).id);
    v.committedNext = state ? std::stoll(*state) : 0;
    return v;
}

} // namespace

void CrashTest::testAbortLosesNothingCommittedAndDuplicatesNothing() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("crash", "emitter", R"({"count": 20, "checkpoint_every": 3, "abort_after": 11})"));
    Child crashed = runJob(env, "crash");
    CPPUNIT_ASSERT_MESSAGE(crashed.output, crashed.exitCode != 0);
    CPPUNIT_ASSERT_MESSAGE(crashed.output, crashed.output.find("checkpoint 3:") != std::string::npos);
    StoreView afterCrash = view(env, "crash");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(9), afterCrash.committedNext); // checkpoints at 3, 6, 9; r9, r10 were only buffered
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(9), afterCrash.stored);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), afterCrash.duplicates);
    {
        Poco::Data::Session session = env.pStore->openSession();
        auto runs = host::RunRepository(session).list("crash", 10);
        CPPUNIT_ASSERT_EQUAL(std::string("running"), runs.at(0).status);
        CPPUNIT_ASSERT_EQUAL(Poco::Int64(9), runs.at(0).counters.written); // progress saved at each checkpoint
    }
    // The operator removes the crash switch; the resumed run re-reads 2 records before the checkpoint.
    env.apply(RuntimeEnvironment::jobConfig("crash", "emitter", R"({"count": 20, "checkpoint_every": 3, "overlap": 2})"));
    Child resumed = runJob(env, "crash");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(resumed.output, 0, resumed.exitCode);
    CPPUNIT_ASSERT_MESSAGE(resumed.output, resumed.output.find("was abandoned by") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(resumed.output, resumed.output.find("read 13, written 11, duplicates 2") != std::string::npos);
    StoreView done = view(env, "crash");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(20), done.stored);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), done.duplicates);
    Poco::Data::Session session = env.pStore->openSession();
    auto runs = host::RunRepository(session).list("crash", 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), runs.size());
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), runs[0].status);
    CPPUNIT_ASSERT_EQUAL(std::string("9"), runs[0].checkpointBefore.value());
    CPPUNIT_ASSERT_EQUAL(std::string("abandoned"), runs[1].status);
    CPPUNIT_ASSERT(runs[1].endedAt);
}

void CrashTest::testKillAtRandomInstantsThenFinish() {
    RuntimeEnvironment env;
    env.apply(RuntimeEnvironment::jobConfig("slow", "emitter", R"({"count": 400, "checkpoint_every": 7, "delay_ms": 2})"));
    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<int> killAfter(150, 700);
    for (int i = 0; i < 4; ++i) {
        Child killed = runJob(env, "slow", killAfter(random));
        StoreView v = view(env, "slow");
        if (killed.exitCode == 0) break; // finished before the kill: nothing left to check
        CPPUNIT_ASSERT_EQUAL_MESSAGE("iteration " + std::to_string(i), v.committedNext, v.stored);
        CPPUNIT_ASSERT_EQUAL(std::size_t(0), v.duplicates);
    }
    env.apply(RuntimeEnvironment::jobConfig("slow", "emitter", R"({"count": 400, "checkpoint_every": 7})"));
    Child finished = runJob(env, "slow");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(finished.output, 0, finished.exitCode);
    StoreView done = view(env, "slow");
    CPPUNIT_ASSERT_EQUAL(Poco::Int64(400), done.stored);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), done.duplicates);
    Poco::Data::Session session = env.pStore->openSession();
    for (const auto& run : host::RunRepository(session).list("slow", 20)) CPPUNIT_ASSERT(run.status == "ok" || run.status == "abandoned");
}

} // namespace jobhost::tests
