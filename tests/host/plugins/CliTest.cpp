// tests/host/plugins — CliTest.cpp
// `jobhost validate` and `jobhost plugins` exit codes and messages, in-process.
// SPDX-License-Identifier: Apache-2.0
#include "CliTest.h"

#include <sstream>

#include <set>

#include "TestPaths.h"
#include "../store/TempDirectory.h"
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

void CliTest::testMissingFileExits78() {
    CliRun missing = runCli({"validate", "/nonexistent/x.json"});
    CPPUNIT_ASSERT_EQUAL(78, missing.exitCode);
    CPPUNIT_ASSERT_EQUAL(std::string("/nonexistent/x.json: cannot open file for reading\n"), missing.err);
}

void CliTest::testEveryVerbRefusesMissingAndMalformedArgumentsWith64AndItsUsage() {
    // One row per (verb, fault): a required argument left out, or one that is
    // malformed, out of range, unknown or one too many. Every one exits 64
    // before doing anything, names the problem and ends with the verb's usage line.
    struct Case {
        std::vector<std::string> arguments;
        std::string message;
    };
    const std::vector<Case> cases{
        {{"apply"}, "apply needs exactly one FILE"},
        {{"apply", "a.json", "b.json"}, "apply needs exactly one FILE"},
        {{"audiences", "a", "b"}, "at most one SLUG"},
        {{"audiences", "--limit", "x"}, "--limit needs a non-negative integer"},
        {{"auth"}, "auth needs a subcommand: test NAME"},
        {{"auth", "test"}, "auth test needs exactly one authorization NAME"},
        {{"auth", "tset", "x"}, "unknown auth subcommand \"tset\""},
        {{"completion"}, "completion needs the shell name"},
        {{"completion", "zsh"}, "supported: bash"},
        {{"eval"}, "one of --mapping FILE, --stream NAME or --expr TEXT is required"},
        {{"eval", "--expr", "1", "--time", "yesterday-ish"}, "--time \"yesterday-ish\" is not a date"},
        {{"exports", "run"}, "run needs the JOB"},
        {{"exports", "replay", "j", "--id", "x"}, "--id expects a number, got \"x\""},
        {{"job"}, "job needs a subcommand: run NAME"},
        {{"job", "run"}, "job run needs exactly one job NAME"},
        {{"job", "walk", "x"}, "unknown job subcommand \"walk\""},
        {{"man", "x"}, "man takes no arguments"},
        {{"plugins", "x"}, "plugins takes no arguments"},
        {{"profiles", "show"}, "give --email EMAIL, --id ID or --key FIELD=VALUE"},
        {{"profiles", "list", "--limit", "abc"}, "--limit needs an integer from 1 to 10000, not \"abc\""},
        {{"runs", "--limit", "abc"}, "--limit needs a positive number, got \"abc\""},
        {{"runs", "--limit"}, "Missing option argument: limit requires N"},
        {{"runs", "--log", "x"}, "--log needs a run id, got \"x\""},
        {{"runs", "a", "b"}, "runs takes at most one JOB"},
        {{"serve", "extra"}, "serve takes no arguments"},
        {{"serve", "--workers", "x"}, "--workers needs a positive number, got \"x\""},
        {{"serve", "--console-port", "99999"}, "--console-port: expected a port number 0-65535"},
        {{"serve", "--lease-seconds", "0"}, "--lease-seconds needs a positive number, got \"0\""},
        {{"store"}, "store: missing subcommand (copy)"},
        {{"store", "move"}, "store: unknown subcommand \"move\""},
        {{"store", "copy"}, "store copy: --to postgresql://… is required"},
        {{"store", "copy", "--to", "other.db"}, "--to must be a PostgreSQL URL"},
        {{"store", "copy", "--to", "postgresql://u@h:99999/d"}, "--to: port '99999' is not 1-65535"},
        {{"store", "copy", "x", "--to", "postgresql://u@h/d"}, "store copy: unexpected argument \"x\""},
        {{"token", "x"}, "token takes no arguments"},
        {{"validate"}, "validate needs at least one FILE"},
        {{"validate", "--strict", "x.json"}, "Unknown option specified: strict"},
    };
    TempDirectory data;
    std::set<std::string> covered;
    for (const auto& c : cases) {
        std::vector<std::string> args{"--data-dir", data.path()};
        args.insert(args.end(), c.arguments.begin(), c.arguments.end());
        CliRun run = runCli(args);
        std::string command = "jobhost";
        for (const auto& a : c.arguments) command += " " + a;
        const std::string verb = c.arguments.front();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(command + ": " + run.err, 64, run.exitCode);
        CPPUNIT_ASSERT_MESSAGE(command + ": " + run.err, contains(run.err, c.message));
        CPPUNIT_ASSERT_MESSAGE(command + ": " + run.err, contains(run.err, "\nusage: jobhost " + verb + " [options]"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(command, std::string(), run.out);
        covered.insert(verb);
    }
    std::ostringstream out, err;
    host::CliApplication app(out, err);
    app.addBuiltins();
    for (const auto& command : app.commands())
        CPPUNIT_ASSERT_MESSAGE("verb " + command->name() + " has no bad-argument case", covered.count(command->name()));
}

} // namespace jobhost::tests
