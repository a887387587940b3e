// AuthTest.cpp — jobhost postup-sim tests: HTTP Basic auth, privileges and lockout.
// SPDX-License-Identifier: Apache-2.0
#include "AuthTest.h"

#include "HttpTestClient.h"

namespace jobhost::sim::test {

void AuthTest::setUp() {
  auto o = HttpTestClient::smallOptions();
  o.lockoutThreshold = 3;
  _pServer = std::make_unique<SimulatorServer>(o);
  _pServer->start();
}

void AuthTest::tearDown() { _pServer.reset(); }

void AuthTest::testMissingCredentials() {
  HttpTestClient c(_pServer->port());
  c.clearCredentials();
  auto r = c.get("/api/list");
  CPPUNIT_ASSERT_EQUAL(401, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("Basic realm=\"PostUp API\""), r.header("www-authenticate"));
  CPPUNIT_ASSERT_EQUAL(std::string("{\"status\":\"error\",\"message\":\"Unauthorized\"}"), r.body);
  // A malformed header is a 401 too.
  auto m = c.request("GET", "/api/list", "", {{"Authorization", "Basic !!!notbase64"}});
  CPPUNIT_ASSERT_EQUAL(401, m.status);
}

void AuthTest::testWrongPassword() {
  HttpTestClient c(_pServer->port(), "api@example.com", "wrong");
  auto r = c.get("/api/site");
  CPPUNIT_ASSERT_EQUAL(401, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("Unauthorized"), HttpTestClient::object(r.body)->getValue<std::string>("message"));
  c.setCredentials("nobody@example.com", "secret");
  CPPUNIT_ASSERT_EQUAL(401, c.get("/api/site").status);
}

void AuthTest::testLoginIsCaseSensitive() {
  HttpTestClient c(_pServer->port(), "API@example.com", "secret");
  CPPUNIT_ASSERT_EQUAL(401, c.get("/api/site").status);
  c.setCredentials("api@example.com", "secret");
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status);
}

void AuthTest::testForbiddenNamesOperation() {
  HttpTestClient c(_pServer->port(), "noperms@example.com", "secret");
  auto r = c.get("/api/list");
  CPPUNIT_ASSERT_EQUAL(403, r.status);
  auto body = HttpTestClient::object(r.body);
  CPPUNIT_ASSERT_EQUAL(std::string("error"), body->getValue<std::string>("status"));
  CPPUNIT_ASSERT_EQUAL(std::string("User does not have permission to perform this action: return the array of lists"),
                       body->getValue<std::string>("message"));
  CPPUNIT_ASSERT_EQUAL(std::string("LIST_LISTS"), body->getValue<std::string>("privilege"));
  CPPUNIT_ASSERT_EQUAL(std::string("return the array of lists"), body->getValue<std::string>("operation"));
}

void AuthTest::testLyticsUserPrivileges() {
  HttpTestClient c(_pServer->port(), "lytics@example.com", "secret");
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/list").status);
  CPPUNIT_ASSERT_EQUAL(200, c.post("/api/list", R"({"title":"From Lytics"})").status);
  auto r = c.post("/api/recipient", R"({"address":"x@example.com"})");
  CPPUNIT_ASSERT_EQUAL(403, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("WRITE_RECIPIENTS"), HttpTestClient::object(r.body)->getValue<std::string>("privilege"));
  HttpTestClient ro(_pServer->port(), "readonly@example.com", "secret");
  auto p = ro.post("/api/list", R"({"title":"nope"})");
  CPPUNIT_ASSERT_EQUAL(403, p.status);
  CPPUNIT_ASSERT_EQUAL(std::string("create a list"), HttpTestClient::object(p.body)->getValue<std::string>("operation"));
  auto i = ro.post("/api/import", R"({"importTemplateId":1,"data":[]})");
  CPPUNIT_ASSERT_EQUAL(std::string("import through an import template"),
                       HttpTestClient::object(i.body)->getValue<std::string>("operation"));
}

void AuthTest::testLockoutAndReset() {
  HttpTestClient bad(_pServer->port(), "readonly@example.com", "wrong");
  HttpTestClient good(_pServer->port(), "readonly@example.com", "secret");
  CPPUNIT_ASSERT_EQUAL(401, bad.get("/api/site").status);
  CPPUNIT_ASSERT_EQUAL(200, good.get("/api/site").status); // success resets the counter
  for (int i = 0; i < 3; ++i) CPPUNIT_ASSERT_EQUAL(401, bad.get("/api/site").status);
  auto locked = good.get("/api/site");
  CPPUNIT_ASSERT_EQUAL(401, locked.status);
  CPPUNIT_ASSERT_EQUAL(std::string("Account locked"), HttpTestClient::object(locked.body)->getValue<std::string>("message"));
  // Other users are unaffected.
  HttpTestClient other(_pServer->port());
  CPPUNIT_ASSERT_EQUAL(200, other.get("/api/site").status);
  // 31 simulated minutes later the lock has expired.
  _pServer->setNow(_pServer->now() + 31 * 60);
  CPPUNIT_ASSERT_EQUAL(200, good.get("/api/site").status);
  for (int i = 0; i < 3; ++i) bad.get("/api/site");
  CPPUNIT_ASSERT_EQUAL(401, good.get("/api/site").status);
  _pServer->resetLockouts();
  CPPUNIT_ASSERT_EQUAL(200, good.get("/api/site").status);
}

void AuthTest::testDownloadToken() {
  HttpTestClient c(_pServer->port());
  c.clearCredentials();
  const auto mailing = _pServer->mailingIds().front();
  const std::string base = "/demo/ExternalDownload.do?siteID=" + _pServer->siteId() + "&mailingID=" +
                           std::to_string(mailing) + "&type=OPEN";
  CPPUNIT_ASSERT_EQUAL(200, c.get(base + "&user=api@example.com&token=sim-download-token").status);
  CPPUNIT_ASSERT_EQUAL(200, c.get(base + "&user=api@example.com&token=secret").status);
  CPPUNIT_ASSERT_EQUAL(401, c.get(base + "&user=api@example.com&token=nope").status);
  CPPUNIT_ASSERT_EQUAL(401, c.get(base).status);
  HttpTestClient n(_pServer->port(), "noperms@example.com", "secret");
  CPPUNIT_ASSERT_EQUAL(403, n.get(base).status);
}

} // namespace jobhost::sim::test
