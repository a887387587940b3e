// FaultTest.cpp — jobhost postup-sim tests: fault injection: errors, 429, latency, resets, truncation.
// SPDX-License-Identifier: Apache-2.0
#include "FaultTest.h"

#include "HttpTestClient.h"

#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

#include <chrono>
#include <thread>

namespace jobhost::sim::test {

namespace {
FaultSettings one(FaultRule rule) {
  FaultSettings s;
  s.rules.push_back(rule);
  return s;
}
} // namespace

void FaultTest::setUp() {
  _pServer = std::make_unique<SimulatorServer>(HttpTestClient::smallOptions());
  _pServer->start();
}

void FaultTest::tearDown() { _pServer.reset(); }

void FaultTest::testErrorLimitThenRecover() {
  FaultRule rule;
  rule.kind = FaultKind::Error;
  rule.route = "GET /api/list";
  rule.limit = 2;
  _pServer->setFaults(one(rule));
  HttpTestClient c(_pServer->port());
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status); // other routes unaffected
  for (int i = 0; i < 2; ++i) {
    auto r = c.get("/api/list/1");
    CPPUNIT_ASSERT_EQUAL(500, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("Server error"), r.body);
    CPPUNIT_ASSERT(r.header("content-type").find("text/plain") == 0);
  }
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/list/1").status);
  CPPUNIT_ASSERT_EQUAL(200, c.post("/api/list", R"({"title":"POST is not GET"})").status);
  const auto s = _pServer->faults();
  CPPUNIT_ASSERT_EQUAL(2, s.rules.at(0).fired);
  CPPUNIT_ASSERT_EQUAL(3, s.rules.at(0).matched);
}

void FaultTest::testRateIsDeterministic() {
  FaultRule rule;
  rule.kind = FaultKind::Error;
  rule.route = "/api/campaign";
  rule.rate = 0.3;
  auto pattern = [&](SimulatorServer& s) {
    s.setFaults(one(rule));
    HttpTestClient c(s.port());
    std::string p;
    for (int i = 0; i < 60; ++i) p += c.get("/api/campaign").status == 500 ? 'x' : '.';
    return p;
  };
  SimulatorServer twin(HttpTestClient::smallOptions());
  twin.start();
  const auto a = pattern(*_pServer), b = pattern(twin);
  CPPUNIT_ASSERT_EQUAL(a, b);
  const auto fired = std::count(a.begin(), a.end(), 'x');
  CPPUNIT_ASSERT_MESSAGE(a, fired >= 8 && fired <= 30);
}

void FaultTest::testThrottleSeconds() {
  FaultRule rule;
  rule.kind = FaultKind::Throttle;
  rule.retryAfterSeconds = 7;
  rule.after = 1;
  rule.limit = 1;
  _pServer->setFaults(one(rule));
  HttpTestClient c(_pServer->port());
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status);
  auto r = c.get("/api/site");
  CPPUNIT_ASSERT_EQUAL(429, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("7"), r.header("retry-after"));
  CPPUNIT_ASSERT_EQUAL(std::string("{\"status\":\"error\",\"message\":\"Too many requests\"}"), r.body);
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status);
}

void FaultTest::testThrottleHttpDate() {
  FaultRule rule;
  rule.kind = FaultKind::Throttle;
  rule.retryAfterSeconds = 120;
  rule.retryAfterHttpDate = true;
  _pServer->setFaults(one(rule));
  HttpTestClient c(_pServer->port());
  auto r = c.get("/api/list");
  CPPUNIT_ASSERT_EQUAL(429, r.status);
  int tz = 0;
  const auto when = Poco::DateTimeParser::parse(Poco::DateTimeFormat::HTTP_FORMAT, r.header("retry-after"), tz);
  const auto delta = (when.timestamp() - Poco::Timestamp()) / Poco::Timestamp::resolution();
  CPPUNIT_ASSERT_MESSAGE(r.header("retry-after"), delta >= 115 && delta <= 121);
}

void FaultTest::testLatency() {
  FaultRule rule;
  rule.kind = FaultKind::Latency;
  rule.latencyMs = 250;
  rule.route = "GET /api/brand";
  _pServer->setFaults(one(rule));
  HttpTestClient c(_pServer->port());
  const auto t0 = std::chrono::steady_clock::now();
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/brand").status);
  const auto slow = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  const auto t1 = std::chrono::steady_clock::now();
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status);
  const auto fast = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t1).count();
  CPPUNIT_ASSERT(slow >= 250);
  CPPUNIT_ASSERT(fast < 200);
}

void FaultTest::testReset() {
  FaultRule rule;
  rule.kind = FaultKind::Reset;
  rule.limit = 3;
  _pServer->setFaults(one(rule));
  HttpTestClient c(_pServer->port());
  for (int i = 0; i < 3; ++i) {
    auto r = c.get("/api/list");
    CPPUNIT_ASSERT_EQUAL(0, r.status);
    CPPUNIT_ASSERT(!r.error.empty());
  }
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/list").status);
}

void FaultTest::testTruncatedJson() {
  FaultRule rule;
  rule.kind = FaultKind::Truncate;
  rule.route = "GET /api/campaign";
  rule.limit = 1;
  _pServer->setFaults(one(rule));
  HttpTestClient c(_pServer->port());
  auto full = HttpTestClient(_pServer->port()).get("/api/list"); // unaffected route
  auto r = c.get("/api/campaign");
  CPPUNIT_ASSERT_EQUAL(200, r.status);
  const auto declared = std::stoul(r.header("content-length"));
  CPPUNIT_ASSERT(r.body.size() < declared);
  CPPUNIT_ASSERT_EQUAL(declared / 2, r.body.size());
  CPPUNIT_ASSERT_THROW(HttpTestClient::array(r.body), Poco::Exception);
  CPPUNIT_ASSERT_EQUAL(200, full.status);
  auto again = c.get("/api/campaign");
  CPPUNIT_ASSERT_EQUAL(again.header("content-length"), std::to_string(again.body.size()));
}

void FaultTest::testTruncatedReport() {
  std::int64_t mailing = 0;
  for (auto id : _pServer->mailingIds())
    if (_pServer->activityRowCount(id, "OPEN") > 0) { mailing = id; break; }
  FaultRule rule;
  rule.kind = FaultKind::Truncate;
  rule.route = "/demo/ExternalDownload.do";
  rule.limit = 1;
  _pServer->setFaults(one(rule));
  HttpTestClient c(_pServer->port());
  const std::string path = "/demo/ExternalDownload.do?siteID=" + _pServer->siteId() + "&mailingID=" +
                           std::to_string(mailing) + "&type=OPEN";
  auto cut = c.get(path);
  auto whole = c.get(path);
  CPPUNIT_ASSERT_EQUAL(200, whole.status);
  CPPUNIT_ASSERT(cut.body.size() < whole.body.size());
  CPPUNIT_ASSERT(cut.body.size() > whole.body.size() / 3);
  CPPUNIT_ASSERT(cut.body.substr(cut.body.size() - 2) != "\r\n"); // cut mid-row
  CPPUNIT_ASSERT_EQUAL(whole.body.substr(0, cut.body.size()), cut.body);
}

void FaultTest::testRuntimeChangeViaSimApi() {
  HttpTestClient c(_pServer->port());
  auto put = c.put("/_sim/faults", R"({"rules":[{"kind":"error","route":"POST /api/recipient","limit":1},
                                                 {"kind":"throttle","route":"GET /api/recipient","retryAfterSeconds":3,"rate":1}]})");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(put.body, 200, put.status);
  CPPUNIT_ASSERT_EQUAL(std::size_t(2), _pServer->faults().rules.size());
  CPPUNIT_ASSERT_EQUAL(500, c.post("/api/recipient", R"({"address":"f@example.com"})").status);
  CPPUNIT_ASSERT_EQUAL(200, c.post("/api/recipient", R"({"address":"f@example.com"})").status);
  CPPUNIT_ASSERT_EQUAL(429, c.get("/api/recipient/1").status);
  // /_sim/ itself is never faulted; GET shows counters.
  auto got = HttpTestClient::object(c.get("/_sim/faults").body);
  CPPUNIT_ASSERT_EQUAL(1, got->getArray("rules")->getObject(0)->getValue<int>("fired"));
  CPPUNIT_ASSERT_EQUAL(400, c.put("/_sim/faults", R"({"rules":[{"kind":"explode"}]})").status);
  CPPUNIT_ASSERT_EQUAL(200, c.request("DELETE", "/_sim/faults", "").status);
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/recipient/1").status);
  // The fault shows up in the mutation log.
  bool sawFault = false;
  for (const auto& m : _pServer->mutations()) sawFault = sawFault || (m.fault == "error" && m.status == 500);
  CPPUNIT_ASSERT(sawFault);
}

void FaultTest::testStartupFaults() {
  auto o = HttpTestClient::smallOptions();
  FaultRule rule;
  rule.kind = FaultKind::Error;
  rule.route = "*";
  rule.limit = 1;
  o.faults.rules.push_back(rule);
  SimulatorServer s(o);
  s.start();
  HttpTestClient c(s.port());
  CPPUNIT_ASSERT_EQUAL(500, c.get("/api/site").status);
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status);
}

void FaultTest::testStopWaitsForRunningHandlers() {
  // A handler sleeping in a latency fault wakes after the server was told to
  // stop and then answers from the server's state. Destroying the server must
  // wait for it (ASan saw a hostile-body handler read freed state otherwise).
  FaultRule rule;
  rule.kind = FaultKind::Latency;
  rule.route = "GET /api/list";
  rule.latencyMs = 800;
  auto server = std::make_unique<SimulatorServer>(HttpTestClient::smallOptions());
  server->setFaults(one(rule));
  server->start();
  std::thread client([port = server->port()] {
    HttpTestClient c(port);
    c.get("/api/list"); // fails: the server goes away mid-request
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (server->faults().rules.at(0).fired == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const auto matched = std::chrono::steady_clock::now();
  CPPUNIT_ASSERT_EQUAL(1, server->faults().rules.at(0).fired);
  server.reset();
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - matched).count();
  client.join();
  CPPUNIT_ASSERT_MESSAGE(std::to_string(waited) + " ms", waited >= 700);
}

} // namespace jobhost::sim::test
