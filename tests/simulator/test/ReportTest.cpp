// ReportTest.cpp — jobhost postup-sim tests: the ExternalDownload.do TSV reports and determinism.
// SPDX-License-Identifier: Apache-2.0
#include "ReportTest.h"

#include "HttpTestClient.h"

#include <set>
#include <sstream>
#include <vector>

namespace jobhost::sim::test {

namespace {

std::vector<std::vector<std::string>> parseTsv(const std::string& body) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < body.size()) {
    const auto end = body.find("\r\n", start);
    CPPUNIT_ASSERT_MESSAGE("every line ends with CRLF", end != std::string::npos);
    std::vector<std::string> cells;
    std::string line = body.substr(start, end - start);
    CPPUNIT_ASSERT(line.find('\n') == std::string::npos);
    std::size_t s = 0;
    for (;;) {
      auto tab = line.find('\t', s);
      cells.push_back(line.substr(s, tab == std::string::npos ? std::string::npos : tab - s));
      if (tab == std::string::npos) break;
      s = tab + 1;
    }
    rows.push_back(cells);
    start = end + 2;
  }
  return rows;
}

std::string reportPath(const SimulatorServer& s, std::int64_t mailing, const std::string& type) {
  return "/" + s.siteName() + "/ExternalDownload.do?siteID=" + s.siteId() + "&mailingID=" + std::to_string(mailing) +
         "&type=" + type;
}

std::int64_t sentMailing(const SimulatorServer& s) {
  for (auto id : s.mailingIds())
    if (s.activityRowCount(id, "OPEN") > 0) return id;
  return 0;
}

} // namespace

void ReportTest::setUp() {
  _pServer = std::make_unique<SimulatorServer>(HttpTestClient::smallOptions());
  _pServer->start();
}

void ReportTest::tearDown() { _pServer.reset(); }

void ReportTest::testOpenReportMatchesGroundTruth() {
  HttpTestClient c(_pServer->port());
  const auto mailing = sentMailing(*_pServer);
  auto r = c.get(reportPath(*_pServer, mailing, "OPEN"));
  CPPUNIT_ASSERT_EQUAL(200, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("chunked"), r.header("transfer-encoding"));
  CPPUNIT_ASSERT(r.header("content-type").find("text/tab-separated-values") == 0);
  auto rows = parseTsv(r.body);
  CPPUNIT_ASSERT(rows.at(0) == (std::vector<std::string>{"RecipID", "Address", "ExternalID", "OpenTime"}));
  const auto truth = _pServer->expectedActivity(mailing, "OPEN");
  CPPUNIT_ASSERT_EQUAL(truth.size() + 1, rows.size());
  CPPUNIT_ASSERT_EQUAL(std::size_t(60), truth.size());
  for (std::size_t i = 0; i < truth.size(); ++i) {
    CPPUNIT_ASSERT_EQUAL(std::to_string(truth[i].recipientId), rows[i + 1][0]);
    CPPUNIT_ASSERT_EQUAL(truth[i].address, rows[i + 1][1]);
    CPPUNIT_ASSERT_EQUAL(truth[i].externalId.value_or(""), rows[i + 1][2]);
    CPPUNIT_ASSERT_EQUAL(truth[i].time, rows[i + 1][3]);
    if (i > 0) CPPUNIT_ASSERT(rows[i][3] <= rows[i + 1][3]);
  }
  // The report agrees with the recipient resource.
  auto rec = HttpTestClient::object(c.get("/api/recipient/" + rows[1][0]).body);
  CPPUNIT_ASSERT_EQUAL(rows[1][1], rec->getValue<std::string>("address"));
}

void ReportTest::testClickRowsAreUnique() {
  HttpTestClient c(_pServer->port());
  const auto mailing = sentMailing(*_pServer);
  auto rows = parseTsv(c.get(reportPath(*_pServer, mailing, "click")).body);
  CPPUNIT_ASSERT_EQUAL(std::size_t(6), rows.at(0).size());
  std::set<std::string> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CPPUNIT_ASSERT(ids.insert(rows[i][0]).second);
    CPPUNIT_ASSERT(rows[i][4].rfind("https://", 0) == 0);
  }
  CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(_pServer->activityRowCount(mailing, "CLICK")), ids.size());
}

void ReportTest::testBounceReports() {
  HttpTestClient c(_pServer->port());
  const auto mailing = sentMailing(*_pServer);
  auto hard = parseTsv(c.get(reportPath(*_pServer, mailing, "HARD")).body);
  auto soft = parseTsv(c.get(reportPath(*_pServer, mailing, "SOFT")).body);
  CPPUNIT_ASSERT_EQUAL(std::string("BounceType"), hard.at(0).at(4));
  CPPUNIT_ASSERT_EQUAL(std::size_t(5 + 1), hard.size());
  CPPUNIT_ASSERT_EQUAL(std::size_t(10 + 1), soft.size());
  for (std::size_t i = 1; i < hard.size(); ++i) CPPUNIT_ASSERT_EQUAL(std::string("HARD"), hard[i][4]);
  for (std::size_t i = 1; i < soft.size(); ++i) CPPUNIT_ASSERT(soft[i][5].rfind("4.", 0) == 0);
  // A draft mailing has a header and no rows.
  for (auto id : _pServer->mailingIds())
    if (_pServer->activityRowCount(id, "OPEN") == 0) {
      CPPUNIT_ASSERT_EQUAL(std::string("RecipID\tAddress\tExternalID\tOpenTime\r\n"), c.get(reportPath(*_pServer, id, "OPEN")).body);
      break;
    }
}

void ReportTest::testSiteChecks() {
  HttpTestClient c(_pServer->port());
  const auto mailing = sentMailing(*_pServer);
  const std::string good = reportPath(*_pServer, mailing, "OPEN");
  std::string wrongSite = good;
  wrongSite.replace(wrongSite.find("siteID=") + 7, 8, "00000000");
  CPPUNIT_ASSERT_EQUAL(403, c.get(wrongSite).status);
  CPPUNIT_ASSERT_EQUAL(404, c.get("/other" + good.substr(good.find("/ExternalDownload.do"))).status);
  CPPUNIT_ASSERT_EQUAL(400, c.get("/demo/ExternalDownload.do?mailingID=1&type=OPEN").status);
  CPPUNIT_ASSERT_EQUAL(400, c.get(reportPath(*_pServer, mailing, "SENTX")).status);
  CPPUNIT_ASSERT_EQUAL(404, c.get(reportPath(*_pServer, 424242, "OPEN")).status);
}

void ReportTest::testSameSeedSameBytes() {
  SimulatorServer twin(HttpTestClient::smallOptions());
  twin.start();
  HttpTestClient a(_pServer->port()), b(twin.port());
  const auto mailing = sentMailing(*_pServer);
  for (const std::string& path : {std::string("/api/list"), std::string("/api/listsubscription?listid=2&limit=300"),
                                 std::string("/api/recipient/77"), std::string("/api/campaign"),
                                 std::string("/api/mailing?campaignid=1001"),
                                 reportPath(*_pServer, mailing, "OPEN"), reportPath(*_pServer, mailing, "CLICK")}) {
    auto ra = a.get(path), rb = b.get(path);
    CPPUNIT_ASSERT_EQUAL(200, ra.status);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(path, ra.body, rb.body);
  }
}

void ReportTest::testDifferentSeedDiffers() {
  auto o = HttpTestClient::smallOptions();
  o.seed = 8;
  SimulatorServer other(o);
  other.start();
  HttpTestClient a(_pServer->port()), b(other.port());
  CPPUNIT_ASSERT(a.get("/api/listsubscription?listid=2&limit=50").body != b.get("/api/listsubscription?listid=2&limit=50").body);
  CPPUNIT_ASSERT(_pServer->siteId() != other.siteId());
}

void ReportTest::testReportFollowsAddressChange() {
  HttpTestClient c(_pServer->port());
  const auto mailing = sentMailing(*_pServer);
  const auto truth = _pServer->expectedActivity(mailing, "HARD");
  const auto rid = truth.at(0).recipientId;
  CPPUNIT_ASSERT_EQUAL(200, c.put("/api/recipient/" + std::to_string(rid), R"({"address":"renamed@example.com"})").status);
  auto rows = parseTsv(c.get(reportPath(*_pServer, mailing, "HARD")).body);
  CPPUNIT_ASSERT_EQUAL(std::string("renamed@example.com"), rows.at(1).at(1));
  CPPUNIT_ASSERT_EQUAL(std::string("renamed@example.com"), _pServer->expectedActivity(mailing, "HARD").at(0).address);
}

} // namespace jobhost::sim::test
