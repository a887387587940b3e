// CommandLineTest.cpp — jobhost postup-sim tests: CLI parsing and the postup-sim executable.
// SPDX-License-Identifier: Apache-2.0
#include "CommandLineTest.h"

#include "HttpTestClient.h"

#include "jobhost/sim/CommandLine.h"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <iostream>

namespace jobhost::sim::test {

std::string CommandLineTest::executable;

void CommandLineTest::testParsesAllFlags() {
  auto r = CommandLine::parse({"--port", "8089", "--seed=9", "--lists", "12", "--recipients", "1000000", "--memberships", "3",
                               "--campaigns", "7", "--mailings", "9", "--events", "5000", "--site-id", "ABC", "--site-name", "acme",
                               "--lockout", "2", "--lockout-minutes", "5", "--now", "2024-05-01 10:00:00", "--import-delay-ms", "10",
                               "--import-polls", "2", "--sim-token", "t", "--download-token", "d", "--threads", "3",
                               "--slow-import-ms", "100", "--fault-seed", "5", "--host", "127.0.0.1"});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.error, std::string(), r.error);
  const auto& o = r.options;
  CPPUNIT_ASSERT_EQUAL(std::uint16_t(8089), o.port);
  CPPUNIT_ASSERT_EQUAL(std::uint64_t(9), o.seed);
  CPPUNIT_ASSERT_EQUAL(12, o.lists);
  CPPUNIT_ASSERT_EQUAL(std::int64_t(1000000), o.recipients);
  CPPUNIT_ASSERT_EQUAL(3, o.membershipsPerRecipient);
  CPPUNIT_ASSERT_EQUAL(7, o.campaigns);
  CPPUNIT_ASSERT_EQUAL(9, o.mailingsPerCampaign);
  CPPUNIT_ASSERT_EQUAL(5000, o.eventsPerMailing);
  CPPUNIT_ASSERT_EQUAL(std::string("ABC"), o.siteId);
  CPPUNIT_ASSERT_EQUAL(std::string("acme"), o.siteName);
  CPPUNIT_ASSERT_EQUAL(2, o.lockoutThreshold);
  CPPUNIT_ASSERT_EQUAL(5, o.lockoutMinutes);
  CPPUNIT_ASSERT(o.now.has_value());
  CPPUNIT_ASSERT_EQUAL(std::int64_t(1714575600), *o.now); // 10:00 CDT = 15:00Z
  CPPUNIT_ASSERT_EQUAL(10, o.importDelayMs);
  CPPUNIT_ASSERT_EQUAL(2, o.importPollsToDone);
  CPPUNIT_ASSERT_EQUAL(100, o.faults.slowImportMs);
  CPPUNIT_ASSERT_EQUAL(std::uint64_t(5), o.faults.seed);
  CPPUNIT_ASSERT_EQUAL(3, o.maxThreads);
  CPPUNIT_ASSERT(CommandLine::parse({"--help"}).help);
  CPPUNIT_ASSERT_EQUAL(std::int64_t(1700000000), *CommandLine::parse({"--now", "@1700000000"}).options.now);
}

void CommandLineTest::testBadFlags() {
  CPPUNIT_ASSERT(!CommandLine::parse({"--bogus"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--port"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--port", "70000"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--recipients", "lots"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--lists", "2", "--memberships", "3"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--now", "someday"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--fault", "kind=nope"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--fault", "route=/api"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"--user", "x:y:NOT_A_PRIVILEGE"}).error.empty());
  CPPUNIT_ASSERT(!CommandLine::parse({"positional"}).error.empty());
  const auto e = CommandLine::parse({"--port", "x"}).error;
  CPPUNIT_ASSERT_MESSAGE(e, e.find("--port") != std::string::npos);
}

void CommandLineTest::testUsersAndFaults() {
  auto r = CommandLine::parse({"--user", "a@x.com:pw:LIST_LISTS,READ_SITE", "--user", "b@x.com:pw2:*", "--fault",
                               "kind=throttle,route=GET /api/list,rate=0.25,limit=3,after=1,retryAfter=9,retryAfterFormat=date",
                               "--fault", "kind=latency,latencyMs=40"});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.error, std::string(), r.error);
  CPPUNIT_ASSERT_EQUAL(std::size_t(2), r.options.users.size());
  CPPUNIT_ASSERT(r.options.users[0].has("LIST_LISTS") && !r.options.users[0].has("IMPORT"));
  CPPUNIT_ASSERT(r.options.users[1].has("IMPORT"));
  const auto& f = r.options.faults.rules.at(0);
  CPPUNIT_ASSERT(f.kind == FaultKind::Throttle);
  CPPUNIT_ASSERT_EQUAL(std::string("GET /api/list"), f.route);
  CPPUNIT_ASSERT_EQUAL(0.25, f.rate);
  CPPUNIT_ASSERT_EQUAL(3, f.limit);
  CPPUNIT_ASSERT_EQUAL(1, f.after);
  CPPUNIT_ASSERT_EQUAL(9, f.retryAfterSeconds);
  CPPUNIT_ASSERT(f.retryAfterHttpDate);
  CPPUNIT_ASSERT_EQUAL(40, r.options.faults.rules.at(1).latencyMs);

  // Hostile answers and the ground-truth switch for imported rows.
  auto h = CommandLine::parse({"--fault", "kind=huge,route=GET /api/list,size=4096", "--fault", "kind=endless", "--fault",
                               "kind=content-type", "--fault", "kind=deep,size=500", "--fault", "kind=utf8", "--keep-import-rows"});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(h.error, std::string(), h.error);
  const auto& rules = h.options.faults.rules;
  CPPUNIT_ASSERT_EQUAL(std::size_t(5), rules.size());
  CPPUNIT_ASSERT(rules[0].kind == FaultKind::HugeBody && rules[0].size == 4096);
  CPPUNIT_ASSERT(rules[1].kind == FaultKind::EndlessBody);
  CPPUNIT_ASSERT(rules[2].kind == FaultKind::WrongContentType);
  CPPUNIT_ASSERT(rules[3].kind == FaultKind::DeepJson && rules[3].size == 500);
  CPPUNIT_ASSERT(rules[4].kind == FaultKind::InvalidUtf8);
  CPPUNIT_ASSERT(h.options.keepImportRows);
  CPPUNIT_ASSERT(!CommandLine::parse({"--fault", "kind=huge,size=-1"}).error.empty());
}

void CommandLineTest::testExecutable() {
  if (executable.empty()) {
    std::cerr << "(CommandLineTest::testExecutable: no executable path given, process checks skipped)\n";
    return;
  }
  {
    Poco::Pipe err;
    auto h = Poco::Process::launch(executable, {"--no-such-flag"}, nullptr, nullptr, &err);
    Poco::PipeInputStream es(err);
    std::string text((std::istreambuf_iterator<char>(es)), std::istreambuf_iterator<char>());
    CPPUNIT_ASSERT_EQUAL(64, h.wait());
    CPPUNIT_ASSERT_MESSAGE(text, text.find("unknown option '--no-such-flag'") != std::string::npos);
  }
  Poco::Pipe out;
  auto h = Poco::Process::launch(executable, {"--port", "0", "--recipients", "100", "--now", "@1717261200"}, nullptr, &out, nullptr);
  Poco::PipeInputStream os(out);
  std::string line;
  std::getline(os, line);
  const std::string prefix = "postup-sim listening on http://127.0.0.1:";
  CPPUNIT_ASSERT_MESSAGE(line, line.rfind(prefix, 0) == 0);
  const auto port = static_cast<std::uint16_t>(std::stoi(line.substr(prefix.size())));
  HttpTestClient c(port);
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status);
  Poco::Process::requestTermination(h.id());
  CPPUNIT_ASSERT_EQUAL(0, h.wait());
}

} // namespace jobhost::sim::test
