// tests/host/runtime — CliRuntimeTest.cpp
// apply / auth test / job run / runs through CliApplication, in-process.
// SPDX-License-Identifier: Apache-2.0
#include "CliRuntimeTest.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "RuntimeEnvironment.h"
#include "cli/CliApplication.h"
#include "store/AuditRepository.h"
#include "store/RunRepository.h"

namespace jobhost::tests {
namespace {

struct CliRun {
    int exitCode = 0;
    std::string out;
    std::string err;
};

CliRun runCli(const RuntimeEnvironment& env, const std::vector<std::string>& args) {
    std::ostringstream out, err;
    host::CliApplication app(out, err);
    app.addBuiltins();
    std::vector<std::string> argv = env.cliPrefix();
    argv.insert(argv.end(), args.begin(), args.end());
    CliRun run;
    run.exitCode = app.run(argv);
    run.out = out.str();
    run.err = err.str();
    return run;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kConfig = R"({
  "authorizations": {"fx": {"provider": "runtime", "method": "token", "label": "Fixture", "fields": {"token": "${env:FX_TOKEN}"}}},
  "jobs": {
    "emit": {"provider": "runtime", "type": "emitter", "authorization": "fx", "config": {"count": 7, "checkpoint_every": 3}},
    "fail": {"provider": "runtime", "type": "always_fail", "authorization": "fx"}
  },
  "audiences": {"engaged": {"name": "Engaged", "filter": "FILTER opens > 0"}}
})";

} // namespace

void CliRuntimeTest::testApplyIsIdempotentAndAudited() {
    RuntimeEnvironment env;
    std::ofstream(env.configFile()) << kConfig;
    CliRun first = runCli(env, {"apply", env.configFile()});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(first.err, 0, first.exitCode);
    CPPUNIT_ASSERT_MESSAGE(first.out, contains(first.out, "authorization fx: created\n"));
    CPPUNIT_ASSERT_MESSAGE(first.out, contains(first.out, ": applied (4 created, 0 updated, 0 unchanged)\n"));
    Poco::Data::Session session = env.pStore->openSession();
    std::size_t audits = host::AuditRepository(session).list(100).size();
    CPPUNIT_ASSERT_EQUAL(std::size_t(4), audits);

    CliRun second = runCli(env, {"apply", env.configFile()});
    CPPUNIT_ASSERT_EQUAL(0, second.exitCode);
    CPPUNIT_ASSERT_MESSAGE(second.out, contains(second.out, env.configFile() + ": unchanged\n"));
    CPPUNIT_ASSERT(!contains(second.out, "created"));
    CPPUNIT_ASSERT_EQUAL(audits, host::AuditRepository(session).list(100).size());

    std::string changed = kConfig;
    changed.replace(changed.find("\"count\": 7"), 10, "\"count\": 8");
    std::ofstream(env.configFile()) << changed;
    ::setenv("FX_TOKEN", "good-rotated", 1);
    CliRun third = runCli(env, {"apply", env.configFile()});
    CPPUNIT_ASSERT_MESSAGE(third.out, contains(third.out, "job emit: updated (config)\n"));
    CPPUNIT_ASSERT_MESSAGE(third.out, contains(third.out, "authorization fx: updated (fields.token)\n"));
    CPPUNIT_ASSERT(!contains(third.out, "good-rotated"));
    auto entries = host::AuditRepository(session).list(100);
    CPPUNIT_ASSERT_EQUAL(audits + 2, entries.size());
    for (const auto& e : entries) CPPUNIT_ASSERT(!contains(e.detail, "good-rotated"));
    CliRun fourth = runCli(env, {"apply", env.configFile()}); // the update was stored: nothing left to change
    CPPUNIT_ASSERT_MESSAGE(fourth.out, contains(fourth.out, env.configFile() + ": unchanged\n"));
    ::setenv("FX_TOKEN", RuntimeEnvironment::Canary, 1);
}

void CliRuntimeTest::testAuthTestStatuses() {
    RuntimeEnvironment env;
    std::ofstream(env.configFile()) << kConfig;
    CPPUNIT_ASSERT_EQUAL(0, runCli(env, {"apply", env.configFile()}).exitCode);
    CliRun ok = runCli(env, {"auth", "test", "fx"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(ok.err, 0, ok.exitCode);
    CPPUNIT_ASSERT_MESSAGE(ok.out, contains(ok.out, "fx: ok\n"));
    CPPUNIT_ASSERT(contains(ok.out, "verifying token ***"));
    for (auto [token, expected] : {std::pair{"limited", "fx: missing privilege export: the user may not export\n"},
                                   std::pair{"down", "fx: unreachable: connection refused\n"},
                                   std::pair{"wrong", "fx: bad credentials: token *** rejected\n"}}) {
        ::setenv("FX_TOKEN", token, 1);
        runCli(env, {"apply", env.configFile()});
        CliRun run = runCli(env, {"auth", "test", "fx"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(run.out, 1, run.exitCode);
        CPPUNIT_ASSERT_MESSAGE(run.out, contains(run.out, expected));
    }
    ::setenv("FX_TOKEN", RuntimeEnvironment::Canary, 1);
    CliRun missing = runCli(env, {"auth", "test", "nope"});
    CPPUNIT_ASSERT_EQUAL(78, missing.exitCode);
}

void CliRuntimeTest::testSecretsNeverLeak() {
    RuntimeEnvironment env;
    std::ofstream(env.configFile()) << kConfig;
    std::string everything;
    for (const auto& args : std::vector<std::vector<std::string>>{{"apply", env.configFile()},
                                                                  {"auth", "test", "fx"},
                                                                  {"job", "run", "emit", "--verbose"},
                                                                  {"job", "run", "fail"},
                                                                  {"runs"},
                                                                  {"runs", "--log", "1"},
                                                                  {"runs", "--log", "2"}}) {
        CliRun run = runCli(env, args);
        everything += run.out + run.err;
    }
    CPPUNIT_ASSERT_MESSAGE(everything, contains(everything, "job emit run #1: ok"));
    CPPUNIT_ASSERT_MESSAGE(everything, contains(everything, "remote refused the request for token ***"));
    CPPUNIT_ASSERT_MESSAGE(everything, !contains(everything, RuntimeEnvironment::Canary));
    Poco::Data::Session session = env.pStore->openSession();
    host::RunRepository runs(session);
    for (const auto& run : runs.list("", 100)) {
        std::string row = run.error + run.checkpointBefore.value_or("") + run.checkpointAfter.value_or("");
        for (const auto& line : runs.log(run.id)) row += line.message;
        CPPUNIT_ASSERT_MESSAGE(row, !contains(row, RuntimeEnvironment::Canary));
    }
    std::string bytes = env.storeBytes();
    // The dump holds the store: the SQLite file's pages, or on PostgreSQL
    // every value (the jobs' names and the sealed secrets among them).
    if (!env.pStore->location().isPostgres()) CPPUNIT_ASSERT(bytes.size() > 10000);
    CPPUNIT_ASSERT(contains(bytes, "emit") && contains(bytes, "fx"));
    CPPUNIT_ASSERT_MESSAGE("the canary is in the store file in plain text", !contains(bytes, RuntimeEnvironment::Canary));
}

void CliRuntimeTest::testUnknownJobAndCorruptStoreExitCodes() {
    RuntimeEnvironment env;
    CliRun unknown = runCli(env, {"job", "run", "nope"});
    CPPUNIT_ASSERT_EQUAL(78, unknown.exitCode);
    CPPUNIT_ASSERT_MESSAGE(unknown.err, contains(unknown.err, "job \"nope\" does not exist; declare it under \"jobs\""));
    TempDirectory other;
    std::ofstream(other.file("jobhost.db")) << std::string(5000, 'z');
    std::ostringstream out, err;
    host::CliApplication app(out, err);
    app.addBuiltins();
    int code = app.run({"jobhost", "--data-dir", other.path(), "--manifest-dir", RuntimeEnvironment::manifestDirectory, "runs"});
    CPPUNIT_ASSERT(code != 0);
    CPPUNIT_ASSERT_MESSAGE(err.str(), contains(err.str(), other.file("jobhost.db") + ": cannot open the jobhost store"));
}

} // namespace jobhost::tests
