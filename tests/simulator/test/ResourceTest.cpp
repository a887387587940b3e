// ResourceTest.cpp — jobhost postup-sim tests: happy paths and error shapes of every /api resource.
// SPDX-License-Identifier: Apache-2.0
#include "ResourceTest.h"

#include "HttpTestClient.h"

#include <Poco/String.h>

#include <set>

namespace jobhost::sim::test {

namespace {
std::string message(const HttpResult& r) { return HttpTestClient::object(r.body)->getValue<std::string>("message"); }
void assertError(int status, const HttpResult& r) {
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, status, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("error"), HttpTestClient::object(r.body)->getValue<std::string>("status"));
}
} // namespace

void ResourceTest::setUp() {
  _pServer = std::make_unique<SimulatorServer>(HttpTestClient::smallOptions());
  _pServer->start();
}

void ResourceTest::tearDown() { _pServer.reset(); }

void ResourceTest::testSiteAndBrands() {
  HttpTestClient c(_pServer->port());
  auto site = HttpTestClient::object(c.get("/api/site").body);
  CPPUNIT_ASSERT_EQUAL(_pServer->siteId(), site->getValue<std::string>("siteId"));
  CPPUNIT_ASSERT_EQUAL(std::size_t(36), _pServer->siteId().size());
  auto brands = HttpTestClient::array(c.get("/api/brand").body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(2), brands->size());
  auto one = HttpTestClient::object(c.get("/api/brand?brandId=2").body);
  CPPUNIT_ASSERT_EQUAL(2, one->getValue<int>("brandId"));
  assertError(404, c.get("/api/brand?brandId=9"));
}

void ResourceTest::testListCrud() {
  HttpTestClient c(_pServer->port());
  auto lists = HttpTestClient::array(c.get("/api/list").body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(4), lists->size());
  auto first = lists->getObject(0);
  CPPUNIT_ASSERT_EQUAL(1, first->getValue<int>("listId"));
  CPPUNIT_ASSERT(first->has("countRecips") && first->has("brandIds") && first->has("globalUnsub"));
  CPPUNIT_ASSERT_EQUAL(static_cast<int>(_pServer->listCounts(1).normal), first->getValue<int>("listCount"));
  CPPUNIT_ASSERT_EQUAL(2, HttpTestClient::array(c.get("/api/list?brandid=2").body)->size() > 0 ? 2 : 0);
  auto one = HttpTestClient::object(c.get("/api/list/2").body);
  CPPUNIT_ASSERT_EQUAL(2, one->getValue<int>("listId"));
  auto created = c.post("/api/list", R"({"Title":"Neue Liste ✓","populated":"true","publicSignup":false,"globalUnsub":false,"channel":"E","countRecips":true})");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 200, created.status);
  auto obj = HttpTestClient::object(created.body);
  CPPUNIT_ASSERT_EQUAL(5, obj->getValue<int>("listId"));
  CPPUNIT_ASSERT_EQUAL(std::string("Neue Liste ✓"), obj->getValue<std::string>("title"));
  CPPUNIT_ASSERT_EQUAL(std::string("api@example.com"), obj->getValue<std::string>("creator"));
  CPPUNIT_ASSERT_EQUAL(std::string("2024-06-01 12:00:00"), obj->getValue<std::string>("createTime"));
  assertError(400, c.post("/api/list", R"({"populated":true})"));
  CPPUNIT_ASSERT_EQUAL(std::string("title"), HttpTestClient::object(c.post("/api/list", "{}").body)->getValue<std::string>("field"));
  auto updated = c.put("/api/list", R"({"listId":5,"description":"changed","externalId":"EXT-5"})");
  CPPUNIT_ASSERT_EQUAL(200, updated.status);
  CPPUNIT_ASSERT_EQUAL(std::string("changed"), HttpTestClient::object(c.get("/api/list/5").body)->getValue<std::string>("description"));
  auto missing = c.get("/api/list/99");
  assertError(404, missing);
  CPPUNIT_ASSERT_EQUAL(std::string("List 99 not found"), message(missing));
  assertError(404, c.put("/api/list", R"({"listId":99,"title":"x"})"));
  assertError(405, c.request("DELETE", "/api/list/1", ""));
  auto counts = HttpTestClient::object(c.get("/api/list/1/counts").body);
  const auto truth = _pServer->listCounts(1);
  CPPUNIT_ASSERT_EQUAL(static_cast<int>(truth.normal), counts->getValue<int>("normal"));
  CPPUNIT_ASSERT_EQUAL(static_cast<int>(truth.total), counts->getValue<int>("total"));
  CPPUNIT_ASSERT(truth.unsub > 0 && truth.held > 0);
}

void ResourceTest::testRecipientLookups() {
  HttpTestClient c(_pServer->port());
  auto byId = HttpTestClient::object(c.get("/api/recipient/12").body);
  const std::string address = byId->getValue<std::string>("address");
  CPPUNIT_ASSERT_EQUAL(12, byId->getValue<int>("recipientId"));
  auto demographics = byId->getArray("demographics");
  CPPUNIT_ASSERT(demographics->size() >= 18 + 11);
  CPPUNIT_ASSERT_EQUAL(0, static_cast<int>(demographics->getElement<std::string>(0).rfind("FirstName=", 0)));
  // Address lookup ignores case and returns an array.
  auto arr = HttpTestClient::array(c.get("/api/recipient?address=" + Poco::toUpper(address)).body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(1), arr->size());
  CPPUNIT_ASSERT_EQUAL(12, arr->getObject(0)->getValue<int>("recipientId"));
  auto none = c.get("/api/recipient?address=nobody@nowhere.example");
  CPPUNIT_ASSERT_EQUAL(200, none.status);
  CPPUNIT_ASSERT_EQUAL(std::string("[]"), none.body);
  // External ids: find one that is set.
  for (int id = 1; id < 40; ++id) {
    auto r = HttpTestClient::object(c.get("/api/recipient/" + std::to_string(id)).body);
    if (!r->has("externalId") || r->getValue<std::string>("externalId").empty()) continue;
    auto found = HttpTestClient::array(c.get("/api/recipient?externalId=" + r->getValue<std::string>("externalId")).body);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), found->size());
    CPPUNIT_ASSERT_EQUAL(id, found->getObject(0)->getValue<int>("recipientId"));
    break;
  }
  assertError(404, c.get("/api/recipient/999999"));
  assertError(400, c.get("/api/recipient/abc"));
  assertError(400, c.get("/api/recipient"));
}

void ResourceTest::testRecipientCreateUpdate() {
  HttpTestClient c(_pServer->port());
  auto created = c.post("/api/recipient", R"({"address":"New.Person@Example.com","externalId":"X-1","demographics":["FirstName=Zoë","npi=ignored"]})");
  assertError(400, created); // unknown demographic field
  created = c.post("/api/recipient", R"({"address":"New.Person@Example.com","externalId":"X-1","demographics":["FirstName=Zoë","Notes=a=b"]})");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 200, created.status);
  auto obj = HttpTestClient::object(created.body);
  const int id = obj->getValue<int>("recipientId");
  CPPUNIT_ASSERT_EQUAL(601, id);
  CPPUNIT_ASSERT_EQUAL(std::string("E"), obj->getValue<std::string>("channel"));
  bool sawNotes = false;
  auto demo = obj->getArray("demographics");
  for (std::size_t i = 0; i < demo->size(); ++i) sawNotes = sawNotes || demo->getElement<std::string>(i) == "Notes=a=b";
  CPPUNIT_ASSERT(sawNotes);
  auto dup = c.post("/api/recipient", R"({"address":"new.person@example.COM"})");
  assertError(409, dup);
  CPPUNIT_ASSERT_EQUAL(id, HttpTestClient::object(dup.body)->getValue<int>("recipientId"));
  // Seeded addresses are duplicates too.
  const auto seeded = HttpTestClient::object(c.get("/api/recipient/3").body)->getValue<std::string>("address");
  assertError(409, c.post("/api/recipient", "{\"address\":\"" + seeded + "\"}"));
  assertError(400, c.post("/api/recipient", R"({"externalId":"no-address"})"));
  assertError(400, c.post("/api/recipient", R"({"address":"not-an-email"})"));
  // Partial update keeps other fields.
  auto put = c.put("/api/recipient/" + std::to_string(id), R"({"demographics":["_City=Köln"],"status":"U"})");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(put.body, 200, put.status);
  auto after = HttpTestClient::object(c.get("/api/recipient/" + std::to_string(id)).body);
  CPPUNIT_ASSERT_EQUAL(std::string("X-1"), after->getValue<std::string>("externalId"));
  CPPUNIT_ASSERT_EQUAL(std::string("U"), after->getValue<std::string>("status"));
  bool city = false, first = false;
  demo = after->getArray("demographics");
  for (std::size_t i = 0; i < demo->size(); ++i) {
    city = city || demo->getElement<std::string>(i) == "_City=Köln";
    first = first || demo->getElement<std::string>(i) == "FirstName=Zoë";
  }
  CPPUNIT_ASSERT(city && first);
  auto resub = HttpTestClient::object(c.put("/api/recipient/" + std::to_string(id), R"({"resubscribe":"true"})").body);
  CPPUNIT_ASSERT_EQUAL(std::string("N"), resub->getValue<std::string>("status"));
  assertError(404, c.put("/api/recipient/999999", R"({"comment":"x"})"));
  assertError(409, c.put("/api/recipient/" + std::to_string(id), "{\"address\":\"" + seeded + "\"}"));
  // Seeded recipients can be updated; lookups follow the new address.
  CPPUNIT_ASSERT_EQUAL(200, c.put("/api/recipient/3", R"({"address":"moved@example.com"})").status);
  CPPUNIT_ASSERT_EQUAL(std::string("[]"), c.get("/api/recipient?address=" + seeded).body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(1), HttpTestClient::array(c.get("/api/recipient?address=MOVED@example.com").body)->size());
}

void ResourceTest::testSubscriptions() {
  HttpTestClient c(_pServer->port());
  const int rid = HttpTestClient::object(c.post("/api/recipient", R"({"address":"sub@example.com"})").body)->getValue<int>("recipientId");
  const auto before = _pServer->listCounts(3);
  auto sub = c.post("/api/listsubscription", "{\"recipientId\":\"" + std::to_string(rid) + "\",\"listId\":\"3\",\"status\":\"NORMAL\"}");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(sub.body, 200, sub.status);
  auto obj = HttpTestClient::object(sub.body);
  CPPUNIT_ASSERT_EQUAL(std::string("NORMAL"), obj->getValue<std::string>("status"));
  CPPUNIT_ASSERT_EQUAL(std::string("NORMAL"), obj->getValue<std::string>("globalStatus"));
  CPPUNIT_ASSERT_EQUAL(std::string("sub@example.com"), obj->getValue<std::string>("address"));
  CPPUNIT_ASSERT_EQUAL(before.normal + 1, _pServer->listCounts(3).normal);
  // Idempotent.
  CPPUNIT_ASSERT_EQUAL(200, c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(rid) + ",\"listId\":3}").status);
  CPPUNIT_ASSERT_EQUAL(before.normal + 1, _pServer->listCounts(3).normal);
  auto one = c.get("/api/listsubscription/3/" + std::to_string(rid));
  CPPUNIT_ASSERT_EQUAL(200, one.status);
  auto unsub = c.put("/api/listsubscription", "{\"recipientId\":" + std::to_string(rid) + ",\"listId\":3,\"status\":\"UNSUB\",\"mailingId\":50001}");
  CPPUNIT_ASSERT_EQUAL(std::string("UNSUB"), HttpTestClient::object(unsub.body)->getValue<std::string>("listStatus"));
  CPPUNIT_ASSERT_EQUAL(before.normal, _pServer->listCounts(3).normal);
  CPPUNIT_ASSERT_EQUAL(before.unsub + 1, _pServer->listCounts(3).unsub);
  auto notSub = c.get("/api/listsubscription/1/" + std::to_string(rid));
  assertError(404, notSub);
  CPPUNIT_ASSERT_EQUAL(std::string("Subscription not found"), message(notSub));
  assertError(404, c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(rid) + ",\"listId\":77}"));
  assertError(404, c.post("/api/listsubscription", R"({"recipientId":999999,"listId":1})"));
  assertError(400, c.post("/api/listsubscription", R"({"recipientId":1,"listId":1,"status":"MAYBE"})"));
  assertError(400, c.post("/api/listsubscription", R"({"listId":1})"));
  // Global unsubscribe list (list 2) makes the recipient globally UNSUB.
  c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(rid) + ",\"listId\":2}");
  auto g = HttpTestClient::object(c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(rid) + ",\"listId\":2,\"status\":\"UNSUB\"}").body);
  CPPUNIT_ASSERT_EQUAL(std::string("UNSUB"), g->getValue<std::string>("globalStatus"));
  auto all = HttpTestClient::array(c.get("/api/listsubscription?recipid=" + std::to_string(rid)).body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(2), all->size());
  // OPTOUT recipients cannot be resubscribed.
  c.put("/api/recipient/" + std::to_string(rid), R"({"status":"O"})");
  assertError(400, c.post("/api/listsubscription", "{\"recipientId\":" + std::to_string(rid) + ",\"listId\":1}"));
}

void ResourceTest::testCustomFields() {
  HttpTestClient c(_pServer->port());
  auto fields = HttpTestClient::array(c.get("/api/customfield").body);
  std::set<std::string> types;
  for (std::size_t i = 0; i < fields->size(); ++i) types.insert(fields->getObject(i)->getValue<std::string>("type"));
  CPPUNIT_ASSERT_EQUAL(std::size_t(11), types.size());
  auto created = c.post("/api/customfield", R"({"title":"Shoe_Size","type":"WHOLE_NUMBER","active":true})");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 200, created.status);
  const int id = HttpTestClient::object(created.body)->getValue<int>("customFieldId");
  CPPUNIT_ASSERT_EQUAL(std::string("Shoe_Size"), HttpTestClient::object(c.get("/api/customfield/" + std::to_string(id)).body)->getValue<std::string>("title"));
  // New active fields appear (empty) on every recipient.
  auto demo = HttpTestClient::object(c.get("/api/recipient/1").body)->getArray("demographics");
  CPPUNIT_ASSERT_EQUAL(std::string("Shoe_Size="), demo->getElement<std::string>(demo->size() - 1));
  assertError(400, c.post("/api/customfield", R"({"title":"Bad","type":"FLOAT"})"));
  assertError(400, c.post("/api/customfield", R"({"title":"has space"})"));
  assertError(409, c.post("/api/customfield", R"({"title":"shoe_size"})"));
  assertError(404, c.get("/api/customfield/999"));
  CPPUNIT_ASSERT_EQUAL(200, c.put("/api/customfield/" + std::to_string(id), R"({"active":false})").status);
  demo = HttpTestClient::object(c.get("/api/recipient/1").body)->getArray("demographics");
  CPPUNIT_ASSERT(demo->getElement<std::string>(demo->size() - 1) != "Shoe_Size=");
}

void ResourceTest::testCampaignsAndMailings() {
  HttpTestClient c(_pServer->port());
  auto campaigns = HttpTestClient::array(c.get("/api/campaign").body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(3), campaigns->size());
  const int cid = campaigns->getObject(0)->getValue<int>("campaignId");
  CPPUNIT_ASSERT_EQUAL(cid, HttpTestClient::object(c.get("/api/campaign/" + std::to_string(cid)).body)->getValue<int>("campaignId"));
  int recent = 0, old = 0;
  for (std::size_t i = 0; i < campaigns->size(); ++i) {
    auto mailings = HttpTestClient::array(c.get("/api/mailing?campaignid=" + std::to_string(campaigns->getObject(i)->getValue<int>("campaignId"))).body);
    CPPUNIT_ASSERT_EQUAL(std::size_t(4), mailings->size());
    for (std::size_t k = 0; k < mailings->size(); ++k) {
      auto m = mailings->getObject(k);
      CPPUNIT_ASSERT(m->has("title") && m->has("listIds") && m->getObject("content")->has("subject"));
      if (m->getValue<std::string>("status") != "DONE") continue;
      CPPUNIT_ASSERT(m->has("scheduledTime"));
    }
  }
  auto truth = HttpTestClient::array(c.get("/_sim/mailings").body);
  for (std::size_t i = 0; i < truth->size(); ++i) {
    auto m = truth->getObject(i);
    if (m->getValue<std::string>("status") != "DONE") continue;
    const auto age = _pServer->now() - m->getValue<std::int64_t>("scheduledEpoch");
    CPPUNIT_ASSERT(age > 0 && age < 366 * 86400);
    (age < 90 * 86400 ? recent : old)++;
  }
  CPPUNIT_ASSERT(recent > 0 && old > 0);
  auto filtered = HttpTestClient::array(c.get("/api/mailing?campaignid=" + std::to_string(cid) + "&startDate=2099-01-01").body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(0), filtered->size());
  assertError(400, c.get("/api/mailing"));
  assertError(404, c.get("/api/mailing?campaignid=5"));
  assertError(404, c.get("/api/mailing/12"));
  auto camp = c.post("/api/campaign", R"({"title":"Launch","externalId":"L-1"})");
  CPPUNIT_ASSERT_EQUAL(200, camp.status);
  const int newCid = HttpTestClient::object(camp.body)->getValue<int>("campaignId");
  auto mail = c.post("/api/mailing", "{\"title\":\"Draft\",\"campaignId\":" + std::to_string(newCid) +
                                         ",\"listIds\":[1],\"status\":\"PENDING\",\"scheduledTime\":\"2024-07-01 09:00:00\",\"content\":{\"subject\":\"Hi\"}}");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(mail.body, 200, mail.status);
  CPPUNIT_ASSERT_EQUAL(std::string("2024-07-01 09:00:00"), HttpTestClient::object(mail.body)->getValue<std::string>("scheduledTime"));
  assertError(404, c.post("/api/mailing", R"({"title":"x","campaignId":4242})"));
}

void ResourceTest::testMailingStatistics() {
  HttpTestClient c(_pServer->port());
  for (auto id : _pServer->mailingIds()) {
    auto r = c.get("/api/mailingstatistics/" + std::to_string(id));
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    auto s = HttpTestClient::object(r.body);
    CPPUNIT_ASSERT_EQUAL(static_cast<int>(_pServer->activityRowCount(id, "HARD")), s->getValue<int>("hardBounces"));
    CPPUNIT_ASSERT_EQUAL(static_cast<int>(_pServer->activityRowCount(id, "OPEN")), s->getValue<int>("totalOpens"));
    CPPUNIT_ASSERT_EQUAL(static_cast<int>(_pServer->activityRowCount(id, "CLICK")), s->getValue<int>("uniqueHtmlClick"));
  }
  assertError(404, c.get("/api/mailingstatistics/1"));
  auto act = HttpTestClient::array(c.get("/api/mailingstatistics/" + std::to_string(_pServer->mailingIds().front()) + "/activity?type=SOFT").body);
  CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(_pServer->activityRowCount(_pServer->mailingIds().front(), "SOFT")), act->size());
}

void ResourceTest::testImportTemplates() {
  HttpTestClient c(_pServer->port());
  CPPUNIT_ASSERT_EQUAL(std::size_t(1), HttpTestClient::array(c.get("/api/importtemplate?limit=10").body)->size());
  auto t = c.post("/api/importtemplate", R"({"title":"T","type":"UNSUB","delimiter":"Pipe Delimited","columnNames":"Recips.ADDRESS,Demographics.firstname","listIds":[2],"active":1})");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(t.body, 200, t.status);
  const int id = HttpTestClient::object(t.body)->getValue<int>("importTemplateId");
  auto got = HttpTestClient::object(c.get("/api/importtemplate/" + std::to_string(id)).body);
  CPPUNIT_ASSERT_EQUAL(std::string("UNSUB"), got->getValue<std::string>("type"));
  CPPUNIT_ASSERT_EQUAL(200, c.put("/api/importtemplate", "{\"importTemplateId\":" + std::to_string(id) + ",\"active\":0}").status);
  CPPUNIT_ASSERT_EQUAL(0, HttpTestClient::object(c.get("/api/importtemplate/" + std::to_string(id)).body)->getValue<int>("active"));
  assertError(400, c.post("/api/importtemplate", R"({"title":"T","columnNames":"Demographics.FirstName"})"));
  assertError(400, c.post("/api/importtemplate", R"({"title":"T","columnNames":"Recips.ADDRESS,Demographics.Nope"})"));
  assertError(400, c.post("/api/importtemplate", R"({"title":"T","columnNames":"Recips.ADDRESS","delimiter":"Spaces"})"));
  assertError(404, c.post("/api/importtemplate", R"({"title":"T","columnNames":"Recips.ADDRESS","listIds":[99]})"));
  assertError(404, c.get("/api/importtemplate/99"));
}

void ResourceTest::testMalformedInput() {
  HttpTestClient c(_pServer->port());
  auto r = c.post("/api/list", "{\"title\":");
  assertError(400, r);
  CPPUNIT_ASSERT(message(r).find("Malformed JSON") == 0);
  assertError(400, c.post("/api/list", "[1,2]"));
  assertError(400, c.post("/api/list", ""));
  auto wrong = c.post("/api/list", R"({"title":["a"]})");
  assertError(400, wrong);
  CPPUNIT_ASSERT_EQUAL(std::string("title"), HttpTestClient::object(wrong.body)->getValue<std::string>("field"));
  assertError(400, c.post("/api/listsubscription", R"({"recipientId":"12x","listId":1})"));
  assertError(400, c.post("/api/listsubscription", R"({"recipientId":1.5,"listId":1})"));
  assertError(400, c.post("/api/list", R"({"title":"x","populated":"maybe"})"));
  assertError(400, c.post("/api/import", R"({"importTemplateId":1,"data":"row"})"));
  assertError(400, c.post("/api/recipient", "\xff\xfe{"));
  // Still alive.
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/site").status);
}

void ResourceTest::testUnknownRoutesAndMethods() {
  HttpTestClient c(_pServer->port());
  assertError(404, c.get("/api/nothing"));
  assertError(404, c.get("/elsewhere"));
  assertError(405, c.request("DELETE", "/api/campaign", ""));
  assertError(405, c.request("PATCH", "/api/recipient/1", "{}"));
  // Duplicate and trailing slashes are tolerated.
  CPPUNIT_ASSERT_EQUAL(200, c.get("//api//list/").status);
  CPPUNIT_ASSERT_EQUAL(200, c.get("/api/recipient//1").status);
}

} // namespace jobhost::sim::test
