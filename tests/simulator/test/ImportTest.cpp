// ImportTest.cpp — jobhost postup-sim tests: asynchronous imports and their effect on lists.
// SPDX-License-Identifier: Apache-2.0
#include "ImportTest.h"

#include "HttpTestClient.h"

#include <Poco/String.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace jobhost::sim::test {

namespace {

Poco::JSON::Object::Ptr waitDone(HttpTestClient& c, int importId) {
  for (int i = 0; i < 200; ++i) {
    auto s = HttpTestClient::object(c.get("/api/import/" + std::to_string(importId)).body);
    if (s->getValue<std::string>("status") == "DONE") return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CPPUNIT_FAIL("import did not finish");
  return nullptr;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return Poco::icompare(x, s) == 0; });
}

} // namespace

void ImportTest::setUp() {
  _pServer = std::make_unique<SimulatorServer>(HttpTestClient::smallOptions());
  _pServer->start();
}

void ImportTest::tearDown() { _pServer.reset(); }

void ImportTest::testImportAddsMembers() {
  HttpTestClient c(_pServer->port(), "lytics@example.com", "secret");
  const int list = HttpTestClient::object(c.post("/api/list", R"({"title":"Audience: VIPs"})").body)->getValue<int>("listId");
  auto t = c.post("/api/importtemplate", "{\"title\":\"vip\",\"delimiter\":\"Comma Separated\",\"columnNames\":"
                                         "\"Recips.ADDRESS,Recips.EXTERNALID,Demographics.FirstName,Demographics.Tier\",\"listIds\":[" +
                                             std::to_string(list) + "]}");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(t.body, 200, t.status);
  const int tid = HttpTestClient::object(t.body)->getValue<int>("importTemplateId");
  HttpTestClient admin(_pServer->port());
  std::string seeded;
  for (int id = 1; seeded.empty(); ++id) {
    auto r = HttpTestClient::object(admin.get("/api/recipient/" + std::to_string(id)).body);
    if (r->getValue<std::string>("status") == "N" && r->getValue<std::string>("address").find("blocked") == std::string::npos)
      seeded = r->getValue<std::string>("address");
  }
  const std::string body = "{\"importTemplateId\":" + std::to_string(tid) + ",\"data\":["
                           "\"Ana.New@Example.com,E-1,Ana,A\","
                           "\"  second@example.org ,E-2,\\\"Smith, Jr\\\",B\","
                           "\"not-an-email,E-3,X,C\","
                           "\"@broken.example,E-4,X,C\","
                           "\"" + seeded + ",,Updated,\","
                           "\"ana.new@example.com,E-1,Ana,A\"]}";
  auto post = c.post("/api/import", body);
  CPPUNIT_ASSERT_EQUAL_MESSAGE(post.body, 200, post.status);
  auto created = HttpTestClient::object(post.body);
  CPPUNIT_ASSERT_EQUAL(std::string("OPEN"), created->getValue<std::string>("status"));
  const int importId = created->getValue<int>("importId");
  auto done = waitDone(c, importId);
  CPPUNIT_ASSERT_EQUAL(6, done->getValue<int>("totalRecords"));
  CPPUNIT_ASSERT_EQUAL(2, done->getValue<int>("newRecords"));
  CPPUNIT_ASSERT_EQUAL(2, done->getValue<int>("updatedRecords"));
  CPPUNIT_ASSERT_EQUAL(2, done->getValue<int>("invalidRemoved"));
  CPPUNIT_ASSERT_EQUAL(1, done->getValue<int>("invalidFixed"));
  const auto members = _pServer->normalMemberAddresses(list);
  CPPUNIT_ASSERT_EQUAL(_pServer->listCounts(list).total, static_cast<std::int64_t>(3));
  CPPUNIT_ASSERT(contains(members, "ana.new@example.com"));
  CPPUNIT_ASSERT(contains(members, "second@example.org"));
  auto ana = HttpTestClient::array(admin.get("/api/recipient?address=ana.new@example.com").body)->getObject(0);
  CPPUNIT_ASSERT_EQUAL(std::string("Ana.New@Example.com"), ana->getValue<std::string>("address"));
  CPPUNIT_ASSERT_EQUAL(importId, ana->getValue<int>("importId"));
  auto demo = ana->getArray("demographics");
  bool tier = false;
  for (std::size_t i = 0; i < demo->size(); ++i) tier = tier || demo->getElement<std::string>(i) == "Tier=A";
  CPPUNIT_ASSERT(tier);
  auto second = HttpTestClient::array(admin.get("/api/recipient?address=second@example.org").body)->getObject(0);
  CPPUNIT_ASSERT_EQUAL(std::string("FirstName=Smith, Jr"), second->getArray("demographics")->getElement<std::string>(0));
  // Listing by status works.
  CPPUNIT_ASSERT(HttpTestClient::array(c.get("/api/import?status=DONE").body)->size() >= 1);
  CPPUNIT_ASSERT_EQUAL(400, c.get("/api/import").status);
}

void ImportTest::testUnsubImport() {
  HttpTestClient c(_pServer->port());
  // Pick two NORMAL members of list 1 (a non-global-unsub list).
  const auto members = _pServer->normalMemberAddresses(1);
  const auto before = _pServer->listCounts(1);
  auto t = c.post("/api/importtemplate", R"({"title":"exits","type":"UNSUB","delimiter":"Tab Delimited","columnNames":"Recips.ADDRESS","listIds":[1]})");
  const int tid = HttpTestClient::object(t.body)->getValue<int>("importTemplateId");
  auto post = c.post("/api/import", "{\"importTemplateId\":" + std::to_string(tid) + ",\"data\":[\"" + members.at(0) + "\",\"" +
                                        Poco::toUpper(members.at(1)) + "\",\"ghost@example.com\"]}");
  auto done = waitDone(c, HttpTestClient::object(post.body)->getValue<int>("importId"));
  CPPUNIT_ASSERT_EQUAL(2, done->getValue<int>("updatedRecords"));
  CPPUNIT_ASSERT_EQUAL(1, done->getValue<int>("notFound"));
  const auto after = _pServer->listCounts(1);
  CPPUNIT_ASSERT_EQUAL(before.normal - 2, after.normal);
  CPPUNIT_ASSERT_EQUAL(before.unsub + 2, after.unsub);
  CPPUNIT_ASSERT_EQUAL(before.total, after.total);
  CPPUNIT_ASSERT(!contains(_pServer->normalMemberAddresses(1), members.at(0)));
}

void ImportTest::testImportErrors() {
  HttpTestClient c(_pServer->port());
  CPPUNIT_ASSERT_EQUAL(404, c.post("/api/import", R"({"importTemplateId":77,"data":["a@b.co"]})").status);
  CPPUNIT_ASSERT_EQUAL(400, c.post("/api/import", R"({"importTemplateId":1})").status);
  CPPUNIT_ASSERT_EQUAL(400, c.post("/api/import", R"({"data":["a@b.co"]})").status);
  std::string big = "{\"importTemplateId\":1,\"data\":[";
  for (int i = 0; i < 10001; ++i) big += std::string(i ? "," : "") + "\"u" + std::to_string(i) + "@example.com\"";
  big += "]}";
  CPPUNIT_ASSERT_EQUAL(400, c.post("/api/import", big).status);
  c.put("/api/importtemplate", R"({"importTemplateId":1,"active":0})");
  auto inactive = c.post("/api/import", R"({"importTemplateId":1,"data":["a@b.co"]})");
  CPPUNIT_ASSERT_EQUAL(400, inactive.status);
  CPPUNIT_ASSERT_EQUAL(404, c.get("/api/import/1").status);
}

void ImportTest::testPollsToDone() {
  auto o = HttpTestClient::smallOptions();
  o.importDelayMs = 600000;
  o.importPollsToDone = 3;
  SimulatorServer s(o);
  s.start();
  HttpTestClient c(s.port());
  const int id = HttpTestClient::object(c.post("/api/import", R"({"importTemplateId":1,"data":["polls@example.com"]})").body)->getValue<int>("importId");
  CPPUNIT_ASSERT_EQUAL(std::string("OPEN"), HttpTestClient::object(c.get("/api/import/" + std::to_string(id)).body)->getValue<std::string>("status"));
  CPPUNIT_ASSERT_EQUAL(std::string("OPEN"), HttpTestClient::object(c.get("/api/import/" + std::to_string(id)).body)->getValue<std::string>("status"));
  auto third = HttpTestClient::object(c.get("/api/import/" + std::to_string(id)).body);
  CPPUNIT_ASSERT_EQUAL(std::string("DONE"), third->getValue<std::string>("status"));
  CPPUNIT_ASSERT_EQUAL(1, third->getValue<int>("newRecords"));
  CPPUNIT_ASSERT(contains(s.normalMemberAddresses(1), "polls@example.com"));
}

void ImportTest::testSlowImportFault() {
  FaultSettings f;
  f.slowImportMs = 400;
  _pServer->setFaults(f);
  HttpTestClient c(_pServer->port());
  const auto start = std::chrono::steady_clock::now();
  const int id = HttpTestClient::object(c.post("/api/import", R"({"importTemplateId":1,"data":["slow@example.com"]})").body)->getValue<int>("importId");
  CPPUNIT_ASSERT_EQUAL(std::string("OPEN"), HttpTestClient::object(c.get("/api/import/" + std::to_string(id)).body)->getValue<std::string>("status"));
  waitDone(c, id);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  CPPUNIT_ASSERT(ms >= 440);
}

} // namespace jobhost::sim::test
