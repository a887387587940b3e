// tests/host/runtime — CrashTest.cpp
// `jobhost job run` in a child process that aborts or is killed (-9); the
// store must hold exactly the checkpointed records, and the next run
// (which marks the dead run abandoned) finishes the rest without duplicates.
// SPDX-License-Identifier: Apache-2.0
#include "CrashTest.h"

#include <chrono>
#include <fstream>
#include <random>
#include <sys/stat.h>
#include <thread>

#include <Poco/File.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include "RuntimeEnvironment.h"
#include "TempDirectory.h"
#include "store/JobRepository.h"
#include "store/Migrations.h"
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

void CrashTest::testKillDuringFirstMigrationsLeavesAUsableOwnerOnlyStore() {
    // Found by scripts/chaos (kill point "migration"): a first start killed
    // inside the first migration left schema_migrations alone in the file, and
    // every later start refused the store as "not a jobhost SQLite store";
    // killed before its chmod, the store also stayed world-readable.
    for (int n : {1, 2, 9, 14}) {
        TempDirectory dir;
        const std::string data = dir.file("data");
        std::vector<std::string> args{"--data-dir", data, "--plugin-dir", RuntimeEnvironment::pluginDirectory, "--manifest-dir",
                                      RuntimeEnvironment::manifestDirectory, "runs"};
        Poco::Process::Env env{{"JOBHOST_CHAOS_KILL_AT", "migration:" + std::to_string(n)}};
        Poco::Pipe out;
        Poco::ProcessHandle killed = Poco::Process::launch(RuntimeEnvironment::jobhostExecutable, args, dir.path(), nullptr, &out, &out, env);
        Poco::PipeInputStream in(out);
        std::string output;
        Poco::StreamCopier::copyToString(in, output);
        const int code = killed.wait();
        const std::string at = "migration:" + std::to_string(n);
        CPPUNIT_ASSERT_MESSAGE(at + ": " + output, code != 0);
        CPPUNIT_ASSERT_MESSAGE(at + ": " + output, output.find("jobhost chaos: SIGKILL at " + at) != std::string::npos);
        const std::string file = data + "/jobhost.db";
        CPPUNIT_ASSERT_MESSAGE(at, Poco::File(file).exists());
        struct stat st {};
        CPPUNIT_ASSERT_EQUAL(0, ::stat(file.c_str(), &st));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(at + ": store file mode", 0600, static_cast<int>(st.st_mode & 0777));

        Poco::Pipe out2;
        Poco::ProcessHandle again = Poco::Process::launch(RuntimeEnvironment::jobhostExecutable, args, dir.path(), nullptr, &out2, &out2);
        Poco::PipeInputStream in2(out2);
        std::string output2;
        Poco::StreamCopier::copyToString(in2, output2);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(at + ", restart: " + output2, 0, again.wait());
        CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), host::Store(file).schemaVersion());
    }
}

void CrashTest::testKillWhileCreatingTheSecretKeyLeavesAUsableKey() {
    // Found by scripts/chaos (kill point "secret-key"): killed between creating
    // <data-dir>/secret.key and writing it, the first `apply` left an empty key
    // file, and every later command refused it until someone deleted it.
    TempDirectory dir;
    const std::string data = dir.file("data");
    const std::string config = dir.file("config.json");
    std::ofstream(config) << RuntimeEnvironment::jobConfig("keyed", "emitter", "{}");
    std::vector<std::string> args{"--data-dir", data, "--plugin-dir", RuntimeEnvironment::pluginDirectory, "--manifest-dir",
                                  RuntimeEnvironment::manifestDirectory, "apply", config};
    ::unsetenv("JOBHOST_SECRET_KEY");
    auto launch = [&](const Poco::Process::Env& env) {
        Poco::Pipe out;
        Poco::ProcessHandle handle = Poco::Process::launch(RuntimeEnvironment::jobhostExecutable, args, dir.path(), nullptr, &out, &out, env);
        Poco::PipeInputStream in(out);
        Child child;
        Poco::StreamCopier::copyToString(in, child.output);
        child.exitCode = handle.wait();
        return child;
    };
    Child killed = launch({{"FX_TOKEN", RuntimeEnvironment::Canary}, {"JOBHOST_CHAOS_KILL_AT", "secret-key:1"}});
    CPPUNIT_ASSERT_MESSAGE(killed.output, killed.exitCode != 0);
    CPPUNIT_ASSERT_MESSAGE(killed.output, killed.output.find("jobhost chaos: SIGKILL at secret-key:1") != std::string::npos);
    Child again = launch({{"FX_TOKEN", RuntimeEnvironment::Canary}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(again.output, 0, again.exitCode);
    Child unchanged = launch({{"FX_TOKEN", RuntimeEnvironment::Canary}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(unchanged.output, 0, unchanged.exitCode);
    CPPUNIT_ASSERT_MESSAGE(unchanged.output, unchanged.output.find("unchanged") != std::string::npos); // the sealed secret still opens
}

} // namespace jobhost::tests
