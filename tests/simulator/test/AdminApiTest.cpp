// AdminApiTest.cpp — jobhost postup-sim tests: the /_sim/ ground-truth API.
// SPDX-License-Identifier: Apache-2.0
#include "AdminApiTest.h"

#include "HttpTestClient.h"

namespace jobhost::sim::test {

void AdminApiTest::setUp() {
  _pServer = std::make_unique<SimulatorServer>(HttpTestClient::smallOptions());
  _pServer->start();
}

void AdminApiTest::tearDown() { _pServer.reset(); }

void AdminApiTest::testCountsMatchApi() {
  HttpTestClient c(_pServer->port());
  c.clearCredentials(); // /_sim/ needs no auth by default
  auto counts = HttpTestClient::object(c.get("/_sim/counts").body);
  auto lists = counts->getArray("lists");
  CPPUNIT_ASSERT_EQUAL(std::size_t(4), lists->size());
  HttpTestClient api(_pServer->port());
  for (std::size_t i = 0; i < lists->size(); ++i) {
    auto l = lists->getObject(i);
    auto viaApi = HttpTestClient::object(api.get("/api/list/" + std::to_string(l->getValue<int>("listId")) + "/counts").body);
    CPPUNIT_ASSERT_EQUAL(l->getValue<int>("normal"), viaApi->getValue<int>("normal"));
    CPPUNIT_ASSERT_EQUAL(l->getValue<int>("total"), viaApi->getValue<int>("total"));
  }
  auto streams = counts->getObject("streams");
  std::int64_t open = 0;
  for (auto id : _pServer->mailingIds()) open += _pServer->activityRowCount(id, "OPEN");
  CPPUNIT_ASSERT_EQUAL(open, streams->getValue<std::int64_t>("OPEN"));
  CPPUNIT_ASSERT_EQUAL(1200, streams->getValue<int>("memberships"));
}

void AdminApiTest::testMembersByEmail() {
  HttpTestClient c(_pServer->port());
  auto members = HttpTestClient::array(c.get("/_sim/lists/2/members").body);
  const auto truth = _pServer->normalMemberAddresses(2);
  CPPUNIT_ASSERT_EQUAL(truth.size(), members->size());
  for (std::size_t i = 0; i < truth.size(); ++i) {
    CPPUNIT_ASSERT_EQUAL(truth[i], members->getObject(i)->getValue<std::string>("address"));
    CPPUNIT_ASSERT_EQUAL(std::string("NORMAL"), members->getObject(i)->getValue<std::string>("globalStatus"));
  }
  auto all = HttpTestClient::array(c.get("/_sim/lists/2/members?status=ALL").body);
  CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(_pServer->listCounts(2).total), all->size());
  auto unsub = HttpTestClient::array(c.get("/_sim/lists/2/members?status=UNSUB").body);
  CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(_pServer->listCounts(2).unsub), unsub->size());
  CPPUNIT_ASSERT_EQUAL(404, c.get("/_sim/lists/42/members").status);
}

void AdminApiTest::testActivityJsonMatchesCpp() {
  HttpTestClient c(_pServer->port());
  const auto mailing = _pServer->mailingIds().front();
  for (const char* type : {"OPEN", "CLICK", "HARD", "SOFT", "BOUNCE"}) {
    auto rows = HttpTestClient::array(c.get("/_sim/mailings/" + std::to_string(mailing) + "/activity?type=" + std::string(type)).body);
    const auto truth = _pServer->expectedActivity(mailing, type);
    CPPUNIT_ASSERT_EQUAL(truth.size(), rows->size());
    for (std::size_t i = 0; i < truth.size(); ++i) {
      CPPUNIT_ASSERT_EQUAL(truth[i].recipientId, rows->getObject(i)->getValue<std::int64_t>("recipientId"));
      CPPUNIT_ASSERT_EQUAL(truth[i].time, rows->getObject(i)->getValue<std::string>("time"));
    }
  }
  auto summary = HttpTestClient::object(c.get("/_sim/mailings/" + std::to_string(mailing) + "/activity").body);
  CPPUNIT_ASSERT_EQUAL(60, summary->getValue<int>("OPEN"));
  CPPUNIT_ASSERT_EQUAL(400, c.get("/_sim/mailings/" + std::to_string(mailing) + "/activity?type=NOPE").status);
}

void AdminApiTest::testRequestsAreLogged() {
  HttpTestClient c(_pServer->port());
  c.get("/api/list");
  c.post("/api/list", R"({"title":"logged"})");
  c.put("/api/list", R"({"listId":1,"description":"d"})");
  HttpTestClient bad(_pServer->port(), "api@example.com", "wrong");
  bad.post("/api/recipient", R"({"address":"x@example.com"})");
  auto log = HttpTestClient::array(c.get("/_sim/requests").body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(3), log->size());
  auto first = log->getObject(0);
  CPPUNIT_ASSERT_EQUAL(std::string("POST"), first->getValue<std::string>("method"));
  CPPUNIT_ASSERT_EQUAL(std::string("/api/list"), first->getValue<std::string>("path"));
  CPPUNIT_ASSERT_EQUAL(std::string("2024-06-01 12:00:00"), first->getValue<std::string>("time"));
  CPPUNIT_ASSERT_EQUAL(200, first->getValue<int>("status"));
  CPPUNIT_ASSERT_EQUAL(std::string("{\"title\":\"logged\"}"), first->getValue<std::string>("body"));
  CPPUNIT_ASSERT_EQUAL(401, log->getObject(2)->getValue<int>("status"));
  CPPUNIT_ASSERT_EQUAL(std::size_t(3), _pServer->mutations().size());
  const auto seq = log->getObject(1)->getValue<int>("sequence");
  CPPUNIT_ASSERT_EQUAL(std::size_t(1), HttpTestClient::array(c.get("/_sim/requests?since=" + std::to_string(seq)).body)->size());
  CPPUNIT_ASSERT_EQUAL(200, c.request("DELETE", "/_sim/requests", "").status);
  CPPUNIT_ASSERT(_pServer->mutations().empty());
}

void AdminApiTest::testNowIsSettable() {
  HttpTestClient c(_pServer->port());
  auto now = HttpTestClient::object(c.get("/_sim/now").body);
  CPPUNIT_ASSERT_EQUAL(std::string("2024-06-01 12:00:00"), now->getValue<std::string>("now"));
  CPPUNIT_ASSERT_EQUAL(std::string("2024-06-01T17:00:00Z"), now->getValue<std::string>("iso"));
  auto set = c.put("/_sim/now", R"({"now":"2024-12-24T18:30:00Z"})");
  CPPUNIT_ASSERT_EQUAL(200, set.status);
  CPPUNIT_ASSERT_EQUAL(std::string("2024-12-24 12:30:00"), HttpTestClient::object(set.body)->getValue<std::string>("now"));
  CPPUNIT_ASSERT_EQUAL(std::int64_t(1735065000), _pServer->now());
  auto list = HttpTestClient::object(c.post("/api/list", R"({"title":"later"})").body);
  CPPUNIT_ASSERT_EQUAL(std::string("2024-12-24 12:30:00"), list->getValue<std::string>("createTime"));
  CPPUNIT_ASSERT_EQUAL(400, c.put("/_sim/now", R"({"now":"yesterday"})").status);
  CPPUNIT_ASSERT_EQUAL(200, c.put("/_sim/now", R"({"epochSeconds":1700000000})").status);
  CPPUNIT_ASSERT_EQUAL(std::int64_t(1700000000), _pServer->now());
}

void AdminApiTest::testSimToken() {
  auto o = HttpTestClient::smallOptions();
  o.simToken = "t0k";
  SimulatorServer s(o);
  s.start();
  HttpTestClient c(s.port());
  CPPUNIT_ASSERT_EQUAL(401, c.get("/_sim/counts").status);
  CPPUNIT_ASSERT_EQUAL(200, c.request("GET", "/_sim/counts", "", {{"X-Sim-Token", "t0k"}}).status);
  CPPUNIT_ASSERT_EQUAL(404, c.request("GET", "/_sim/nothing", "", {{"X-Sim-Token", "t0k"}}).status);
}

void AdminApiTest::testCountsFollowMutations() {
  HttpTestClient c(_pServer->port());
  const auto before = _pServer->listCounts(1);
  // Unsubscribe the first NORMAL member, hold another via recipient status.
  auto members = HttpTestClient::array(c.get("/_sim/lists/1/members").body);
  const auto a = members->getObject(0)->getValue<std::int64_t>("recipientId");
  const auto b = members->getObject(1)->getValue<std::int64_t>("recipientId");
  c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(a) + ",\"listId\":1,\"status\":\"UNSUB\"}");
  c.put("/api/recipient/" + std::to_string(b), R"({"status":"H"})");
  const auto after = _pServer->listCounts(1);
  CPPUNIT_ASSERT_EQUAL(before.normal - 2, after.normal);
  CPPUNIT_ASSERT_EQUAL(before.unsub + 1, after.unsub);
  CPPUNIT_ASSERT_EQUAL(before.held + 1, after.held);
  CPPUNIT_ASSERT_EQUAL(before.total, after.total);
  CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(after.normal), HttpTestClient::array(c.get("/_sim/lists/1/members").body)->size());
}

} // namespace jobhost::sim::test
