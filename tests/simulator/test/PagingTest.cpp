// PagingTest.cpp — jobhost postup-sim tests: keyset paging on /listsubscription.
// SPDX-License-Identifier: Apache-2.0
#include "PagingTest.h"

#include "HttpTestClient.h"

#include <chrono>
#include <set>
#include <sstream>

namespace jobhost::sim::test {

void PagingTest::setUp() {
  auto o = HttpTestClient::smallOptions();
  o.recipients = 3000;
  _pServer = std::make_unique<SimulatorServer>(o);
  _pServer->start();
}

void PagingTest::tearDown() { _pServer.reset(); }

void PagingTest::testVisitsEveryMemberOnce() {
  HttpTestClient c(_pServer->port());
  for (int list = 1; list <= 4; ++list) {
    std::set<std::int64_t> seen;
    std::int64_t last = 0, normal = 0;
    int pages = 0;
    for (;;) {
      auto r = c.get("/api/listsubscription?listid=" + std::to_string(list) + "&limit=97&lastrecipid=" +
                     std::to_string(last) + "&lastlistid=" + std::to_string(list));
      CPPUNIT_ASSERT_EQUAL(200, r.status);
      auto page = HttpTestClient::array(r.body);
      ++pages;
      for (std::size_t i = 0; i < page->size(); ++i) {
        auto s = page->getObject(i);
        const auto id = s->getValue<std::int64_t>("recipientId");
        CPPUNIT_ASSERT(id > last);
        CPPUNIT_ASSERT(seen.insert(id).second);
        CPPUNIT_ASSERT_EQUAL(list, s->getValue<int>("listId"));
        CPPUNIT_ASSERT(s->has("address"));
        if (s->getValue<std::string>("listStatus") == "NORMAL" && s->getValue<std::string>("globalStatus") == "NORMAL") ++normal;
        last = id;
      }
      if (page->size() < 97) break;
    }
    const auto truth = _pServer->listCounts(list);
    CPPUNIT_ASSERT_EQUAL(truth.total, static_cast<std::int64_t>(seen.size()));
    CPPUNIT_ASSERT_EQUAL(truth.normal, normal);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(truth.normal), _pServer->normalMemberAddresses(list).size());
    CPPUNIT_ASSERT(pages > 5);
  }
  // Memberships per recipient: each seeded recipient appears in exactly 2 lists.
  std::int64_t total = 0;
  for (const auto& lc : _pServer->listCounts()) total += lc.total;
  CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(3000 * 2), total);
}

void PagingTest::testLimitValidation() {
  HttpTestClient c(_pServer->port());
  CPPUNIT_ASSERT_EQUAL(400, c.get("/api/listsubscription?listid=1&limit=0").status);
  CPPUNIT_ASSERT_EQUAL(400, c.get("/api/listsubscription?listid=1&limit=10001").status);
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/listsubscription?listid=1&limit=10000").status);
  CPPUNIT_ASSERT_EQUAL(400, c.get("/api/listsubscription?listid=1&lastlistid=2").status);
  CPPUNIT_ASSERT_EQUAL(400, c.get("/api/listsubscription?listid=x").status);
  CPPUNIT_ASSERT_EQUAL(404, c.get("/api/listsubscription?listid=55").status);
  CPPUNIT_ASSERT_EQUAL(400, c.get("/api/listsubscription").status);
  // Default limit is 1000; keys are case-insensitive.
  CPPUNIT_ASSERT_EQUAL(std::size_t(1000), HttpTestClient::array(c.get("/api/listsubscription?ListID=1").body)->size());
  // Past the end: empty array.
  CPPUNIT_ASSERT_EQUAL(std::string("[]"), c.get("/api/listsubscription?listid=1&lastrecipid=999999").body);
}

void PagingTest::testOverlayMembersAppear() {
  HttpTestClient c(_pServer->port());
  const int rid = HttpTestClient::object(c.post("/api/recipient", R"({"address":"late@example.com"})").body)->getValue<int>("recipientId");
  // Subscribe a seeded non-member and the new recipient to list 4.
  std::int64_t seededNonMember = 0;
  for (int id = 1; id < 100 && !seededNonMember; ++id)
    if (c.get("/api/listsubscription/4/" + std::to_string(id)).status == 404) seededNonMember = id;
  CPPUNIT_ASSERT(seededNonMember > 0);
  c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(seededNonMember) + ",\"listId\":4}");
  c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(rid) + ",\"listId\":4}");
  std::set<std::int64_t> seen;
  std::int64_t last = 0;
  for (;;) {
    auto page = HttpTestClient::array(c.get("/api/listsubscription?listid=4&limit=500&lastrecipid=" + std::to_string(last)).body);
    for (std::size_t i = 0; i < page->size(); ++i) {
      last = page->getObject(i)->getValue<std::int64_t>("recipientId");
      CPPUNIT_ASSERT(seen.insert(last).second);
    }
    if (page->size() < 500) break;
  }
  CPPUNIT_ASSERT(seen.count(seededNonMember) == 1 && seen.count(rid) == 1);
  CPPUNIT_ASSERT_EQUAL(_pServer->listCounts(4).total, static_cast<std::int64_t>(seen.size()));
}

void PagingTest::testLargeSeededListIsCheap() {
  auto o = HttpTestClient::smallOptions();
  o.recipients = 1000000;
  o.lists = 10;
  const auto start = std::chrono::steady_clock::now();
  SimulatorServer big(o);
  big.start();
  HttpTestClient c(big.port());
  auto page = HttpTestClient::array(c.get("/api/listsubscription?listid=3&limit=10000&lastrecipid=500000").body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(10000), page->size());
  CPPUNIT_ASSERT(page->getObject(0)->getValue<std::int64_t>("recipientId") > 500000);
  auto r = HttpTestClient::object(c.get("/api/recipient/987654").body);
  CPPUNIT_ASSERT_EQUAL(987654, r->getValue<int>("recipientId"));
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  CPPUNIT_ASSERT_MESSAGE("1M recipients took " + std::to_string(elapsed) + " ms", elapsed < 5000);
}

void PagingTest::testNestedRecipientsAndRequestCounts() {
  auto o = HttpTestClient::smallOptions();
  o.recipients = 50;
  o.subscriptionRecipients = true;
  o.countRequests = true;
  SimulatorServer sim(o);
  sim.start();
  HttpTestClient c(sim.port());
  auto page = HttpTestClient::array(c.get("/api/listsubscription?listid=1&limit=5&lastrecipid=0").body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(5), page->size());
  for (std::size_t i = 0; i < page->size(); ++i) {
    auto row = page->getObject(i);
    const auto id = row->getValue<std::int64_t>("recipientId");
    auto nested = row->getObject("recipient");
    CPPUNIT_ASSERT(nested);
    // The nested object is what GET /recipient/{id} serves.
    const auto direct = c.get("/api/recipient/" + std::to_string(id));
    CPPUNIT_ASSERT_EQUAL(200, direct.status);
    std::ostringstream nestedText;
    nested->stringify(nestedText);
    std::ostringstream directText;
    HttpTestClient::object(direct.body)->stringify(directText);
    CPPUNIT_ASSERT_EQUAL(directText.str(), nestedText.str());
  }
  c.get("/_sim/health");
  const auto counts = sim.requestCounts();
  CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counts.at("GET /api/listsubscription"));
  CPPUNIT_ASSERT_EQUAL(std::int64_t(1), counts.at("GET /api/recipient/" + std::to_string(page->getObject(0)->getValue<std::int64_t>("recipientId"))));
  for (const auto& [route, n] : counts) CPPUNIT_ASSERT_MESSAGE(route, route.rfind("GET /_sim", 0) != 0);
  sim.clearRequestCounts();
  CPPUNIT_ASSERT(sim.requestCounts().empty());
  // Off by default: no nested recipient, nothing counted.
  auto plain = HttpTestClient::array(HttpTestClient(_pServer->port()).get("/api/listsubscription?listid=1&limit=5").body);
  CPPUNIT_ASSERT(!plain->getObject(0)->has("recipient"));
  CPPUNIT_ASSERT(_pServer->requestCounts().empty());
}

} // namespace jobhost::sim::test
