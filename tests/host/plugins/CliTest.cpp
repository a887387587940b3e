// tests/host/plugins — CliTest.cpp
// `jobhost validate` and `jobhost plugins` exit codes and messages, in-process.
// SPDX-License-Identifier: Apache-2.0
#include "CliTest.h"

#include <sstream>

#include "TestPaths.h"
#include "cli/CliApplication.h"

namespace jobhost::tests {
namespace {

struct CliRun {
    int exitCode = 0;
    std::string out;
    std::string err;
};

CliRun runCli(std::vector<std::string> args, const std::string& manifestDir = TestPaths::fixtureManifests + "/good") {
    std::ostringstream out, err;
    host::CliApplication app(out, err);
    app.addBuiltins();
    std::vector<std::string> argv{"jobhost", "--plugin-dir", TestPaths::fixturePlugins, "--manifest-dir", manifestDir};
    argv.insert(argv.end(), args.begin(), args.end());
    CliRun run;
    run.exitCode = app.run(argv);
    run.out = out.str();
    run.err = err.str();
    return run;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

void CliTest::testValidateGoodManifest() {
    CliRun run = runCli({"validate", TestPaths::manifests + "/postup.json"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.err, 0, run.exitCode);
    CPPUNIT_ASSERT_EQUAL(TestPaths::manifests + "/postup.json: valid provider manifest postup 0.1.0\n", run.out);
}

void CliTest::testValidateBrokenJsonExits78WithPosition() {
    std::string file = TestPaths::fixtureManifests + "/mixed/broken.json";
    CliRun run = runCli({"validate", file});
    CPPUNIT_ASSERT_EQUAL(78, run.exitCode);
    CPPUNIT_ASSERT_EQUAL(file + ":6:1: expected ',' or '}' in object\n", run.err);
}

void CliTest::testValidateConfigErrorsExit78() {
    std::string file = TestPaths::fixtureManifests + "/../configs/bad-job.json";
    CliRun run = runCli({"validate", file});
    CPPUNIT_ASSERT_EQUAL(78, run.exitCode);
    CPPUNIT_ASSERT_EQUAL(file + ": 1 problem\n  jobs.j.config.mode: \"fast\" is not one of full, delta\n", run.err);
}

void CliTest::testValidateRefusesUnknownTimeZoneAndNonUrl() {
    // The real postup manifest: report_time_zone has format time_zone, report_url format url.
    std::string file = TestPaths::fixtureManifests + "/../configs/postup-bad-import.json";
    CliRun run = runCli({"validate", file}, TestPaths::manifests);
    CPPUNIT_ASSERT_EQUAL(78, run.exitCode);
    CPPUNIT_ASSERT_EQUAL(file + ": 2 problems\n"
                                "  jobs.bad.config.report_url: \"login.postup.com/acme/ExternalDownload.do\" is not an http:// or https:// URL\n"
                                "  jobs.bad.config.report_time_zone: unknown IANA time zone \"Mars/Olympus_Mons\" (no TZif zone file "
                                "/usr/share/zoneinfo/Mars/Olympus_Mons; names look like America/Chicago, Europe/Berlin, UTC)\n",
                         run.err);
}

void CliTest::testPluginsListsProvidersAndLoadErrors() {
    CliRun run = runCli({"plugins"}, TestPaths::fixtureManifests + "/mixed");
    CPPUNIT_ASSERT_EQUAL(78, run.exitCode);
    CPPUNIT_ASSERT(contains(run.out, "[ok]    fixture 1.0.0 (Fixture provider)\n  abi 1, library good -> "));
    CPPUNIT_ASSERT(contains(run.out, "  roles: authorization:password import:import export:export\n  streams: fixture_stream\n"));
    CPPUNIT_ASSERT(contains(run.out, "[error] wrongabi 1.0.0 (wrongabi)\n"));
    CPPUNIT_ASSERT(contains(run.out, "  load error: " + TestPaths::fixturePlugins + "/wrong_abi.so: plugin ABI 999, host expects 1; "));
    CPPUNIT_ASSERT(contains(run.out, "[error] " + TestPaths::fixtureManifests + "/mixed/broken.json\n  " + TestPaths::fixtureManifests +
                                         "/mixed/broken.json:6:1: expected ',' or '}' in object\n"));
    CliRun good = runCli({"plugins"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(good.out, 0, good.exitCode);
}

void CliTest::testUnknownCommandExits64() {
    CliRun run = runCli({"frobnicate"});
    CPPUNIT_ASSERT_EQUAL(64, run.exitCode);
    CPPUNIT_ASSERT_EQUAL(std::string("jobhost: unknown command \"frobnicate\"; run 'jobhost --help' for the list\n"), run.err);
    CliRun badOption = runCli({"validate", "--frob", "x"});
    CPPUNIT_ASSERT_EQUAL(64, badOption.exitCode);
    CPPUNIT_ASSERT(contains(badOption.err, "frob"));
}

void CliTest::testVerbHelp() {
    CliRun run = runCli({"validate", "--help"});
    CPPUNIT_ASSERT_EQUAL(0, run.exitCode);
    CPPUNIT_ASSERT(contains(run.out, "jobhost validate [options] FILE..."));
    CliRun top = runCli({"--help"});
    CPPUNIT_ASSERT(contains(top.out, "  plugins     list providers"));
}

void CliTest::testMissingArgumentExits78() {
    CliRun run = runCli({"validate"});
    CPPUNIT_ASSERT_EQUAL(78, run.exitCode);
    CPPUNIT_ASSERT_EQUAL(std::string("jobhost: validate needs at least one FILE (a provider manifest or a config file)\n"), run.err);
    CliRun missing = runCli({"validate", "/nonexistent/x.json"});
    CPPUNIT_ASSERT_EQUAL(78, missing.exitCode);
    CPPUNIT_ASSERT_EQUAL(std::string("/nonexistent/x.json: cannot open file for reading\n"), missing.err);
}

} // namespace jobhost::tests
