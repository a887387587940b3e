// jobhost postup tests — PostupClientTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupClientTest.h"

#include <Poco/Net/ServerSocket.h>

#include "client/PostupClient.h"
#include "client/ReportParser.h"
#include "support/DirectHttpTransport.h"
#include "support/ScriptedServer.h"

namespace jobhost::plugins::postup::test {
namespace {

DirectHttpTransport::Options fastRetries(int attempts) {
    DirectHttpTransport::Options o;
    o.maxAttempts = attempts;
    o.baseBackoffMs = 1;
    o.maxBackoffMs = 5;
    o.maxRetryAfterMs = 5;
    return o;
}

/// Runs `call` and returns the PostupException it throws (fails if none).
template <typename Call>
PostupException failure(Call call) {
    try {
        call();
    } catch (const PostupException& e) {
        return e;
    }
    CPPUNIT_FAIL("expected a PostupException");
    return PostupException(ApiErrorKind::Transport, 0, "unreachable");
}

} // namespace

void PostupClientTest::testBasicAuthAndListParsing() {
    ScriptedServer server;
    server.push(200, R"([{"listId":"3","title":"News","categoryId":7,"globalUnsub":"true"},{"listId":4,"title":"Café ☕","categoryId":null}])");
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api/", "api@example.com", "s3cr:et");
    const auto lists = client.lists();
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), lists.size());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(3), lists[0].listId);
    CPPUNIT_ASSERT_EQUAL(std::string("7"), lists[0].categoryId);
    CPPUNIT_ASSERT(lists[0].globalUnsub);
    CPPUNIT_ASSERT_EQUAL(std::string("Café ☕"), lists[1].title);
    CPPUNIT_ASSERT_EQUAL(std::string(""), lists[1].categoryId);
    const auto seen = server.seen();
    CPPUNIT_ASSERT_EQUAL(std::string("/api/list"), seen.at(0).uri);
    CPPUNIT_ASSERT_EQUAL(std::string("Basic YXBpQGV4YW1wbGUuY29tOnMzY3I6ZXQ="), seen.at(0).authorization);
    CPPUNIT_ASSERT_EQUAL(PostupClient::basicAuth("api@example.com", "s3cr:et"), seen.at(0).authorization);
}

void PostupClientTest::testKeysetPagingRequest() {
    ScriptedServer server;
    server.push(200, R"([{"recipientId":11,"listId":2,"status":"NORMAL","listStatus":"NORMAL","globalStatus":"NORMAL","dateJoined":"2024-05-01 10:00:00","dateUnsub":null,"address":"a@example.com"},
                         {"recipientId":12,"listId":2,"status":"UNSUB","dateJoined":"5/1/24 10:00"}])");
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    const auto page = client.listSubscriptions(2, 500, 10);
    CPPUNIT_ASSERT_EQUAL(std::string("/api/listsubscription?listid=2&limit=500&lastrecipid=10&lastlistid=2"), server.seen().at(0).uri);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), page.size());
    CPPUNIT_ASSERT(page[0].hasAddress);
    CPPUNIT_ASSERT(!page[1].hasAddress);
    CPPUNIT_ASSERT_EQUAL(std::string(""), page[0].dateUnsub);
    CPPUNIT_ASSERT_EQUAL(std::string("UNSUB"), page[1].status);
    CPPUNIT_ASSERT(!page[0].details);
}

void PostupClientTest::testRecipientDemographicsAndArrayFallback() {
    ScriptedServer server;
    server.push(200, R"({"recipientId":9,"address":"x@example.com","channel":"E","status":"N","demographics":["FirstName=Zoë","_City=","Formula=a=b","=orphan","junk"]})");
    server.push(200, R"([{"recipientId":10,"address":"y@example.com"}])");
    server.push(200, R"([])");
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    const auto r = client.recipient(9);
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), r.demographics.size());
    CPPUNIT_ASSERT_EQUAL(std::string("Zoë"), r.demographics[0].second);
    CPPUNIT_ASSERT_EQUAL(std::string(""), r.demographics[1].second);
    CPPUNIT_ASSERT_EQUAL(std::string("a=b"), r.demographics[2].second); // split on the first '='
    CPPUNIT_ASSERT_EQUAL(std::int64_t(10), client.recipient(10).recipientId);
    CPPUNIT_ASSERT(!client.recipientByAddress("nobody+tag@example.com"));
    CPPUNIT_ASSERT_EQUAL(std::string("/api/recipient?address=nobody%2Btag%40example.com"), server.seen().at(2).uri);
}

void PostupClientTest::testReportDownloadUrlAndStreaming() {
    ScriptedServer server;
    server.push({200, "RecipID\tOpenTime\r\n1\t2024-05-01 10:00:00\r\n", "text/tab-separated-values", {}});
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    int rows = 0;
    ReportParser parser([&](const ReportRow&) { return ++rows > 0; });
    client.downloadReport({server.baseUrl() + "/", "demo", "ABC-123", 50001, "OPEN"}, parser);
    parser.finish();
    CPPUNIT_ASSERT_EQUAL(1, rows);
    const auto seen = server.seen().at(0);
    CPPUNIT_ASSERT_EQUAL(std::string("/demo/ExternalDownload.do?siteID=ABC-123&mailingID=50001&type=OPEN"), seen.uri);
    CPPUNIT_ASSERT_EQUAL(PostupClient::basicAuth("u", "p"), seen.authorization);
}

void PostupClientTest::testUnauthorized() {
    ScriptedServer server;
    server.push(401, R"({"status":"error","message":"Unauthorized"})", {{"WWW-Authenticate", "Basic realm=\"PostUp API\""}});
    DirectHttpTransport transport(fastRetries(3));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "wrong");
    const auto e = failure([&] { client.lists(); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::BadCredentials);
    CPPUNIT_ASSERT_EQUAL(401, e.httpStatus());
    CPPUNIT_ASSERT_EQUAL(std::string("Unauthorized"), e.message());
    CPPUNIT_ASSERT(!e.transient());
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), server.seen().size()); // 401 is not retried
    CPPUNIT_ASSERT(std::string(e.what()).find("wrong") == std::string::npos);
}

void PostupClientTest::testForbiddenNamesOperation() {
    ScriptedServer server;
    server.push(403, R"({"status":"error","message":"User does not have permission to perform this action: read campaigns","operation":"read campaigns","privilege":"READ_CAMPAIGNS"})");
    server.push(403, R"({"status":"error","message":"User does not have permission to perform this action: read mailings"})");
    server.push(403, R"({"status":"error","message":"siteID does not match this site","field":"siteID"})");
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    auto e = failure([&] { client.campaigns(); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::Forbidden);
    CPPUNIT_ASSERT_EQUAL(std::string("read campaigns"), e.operation());
    e = failure([&] { client.mailings(1); });
    CPPUNIT_ASSERT_EQUAL(std::string("read mailings"), e.operation());
    e = failure([&] { client.campaigns(); });
    CPPUNIT_ASSERT_EQUAL(std::string("siteID"), e.field());
    CPPUNIT_ASSERT_EQUAL(std::string(""), e.operation());
}

void PostupClientTest::testNotFoundConflictBadRequest() {
    ScriptedServer server;
    server.push(404, R"({"status":"error","message":"Recipient 5 not found"})");
    server.push(409, R"({"status":"error","message":"Recipient already exists","recipientId":5})");
    server.push(400, R"({"status":"error","message":"limit must be at most 10000","field":"limit"})");
    DirectHttpTransport transport(fastRetries(3));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    auto e = failure([&] { client.recipient(5); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::NotFound);
    CPPUNIT_ASSERT_EQUAL(std::string("Recipient 5 not found"), e.message());
    e = failure([&] { client.setSubscription(5, 1, "NORMAL"); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::Conflict);
    e = failure([&] { client.listSubscriptions(1, 20000, 0); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::BadRequest);
    CPPUNIT_ASSERT_EQUAL(std::string("limit"), e.field());
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), server.seen().size());
}

void PostupClientTest::testThrottledAndServerErrorsAfterRetries() {
    ScriptedServer server;
    server.push(429, R"({"status":"error","message":"Too many requests"})", {{"Retry-After", "7"}});
    server.push(429, R"({"status":"error","message":"Too many requests"})", {{"Retry-After", "7"}});
    server.push(500, "Server error");
    server.push(503, "Server error");
    server.push(500, "Server error");
    server.push(200, R"([{"campaignId":1001,"title":"Spring"}])");
    DirectHttpTransport transport(fastRetries(2));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    auto e = failure([&] { client.campaigns(); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::Throttled);
    CPPUNIT_ASSERT(e.transient());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(7000), e.retryAfterMs().value_or(0));
    e = failure([&] { client.campaigns(); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::Server);
    CPPUNIT_ASSERT_EQUAL(503, e.httpStatus());
    CPPUNIT_ASSERT_EQUAL(std::string("Server error"), e.message());
    // A retried 500 followed by a 200 is a success for the client.
    const auto campaigns = client.campaigns();
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1001), campaigns.at(0).campaignId);
}

void PostupClientTest::testErrorStatusInsideSuccess() {
    ScriptedServer server;
    server.push(200, R"({"status":"error","message":"Subscription not found"})");
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    const auto e = failure([&] { client.site(); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::BadResponse);
    CPPUNIT_ASSERT_EQUAL(std::string("Subscription not found"), e.message());
}

void PostupClientTest::testNonJsonSuccessIsBadResponse() {
    ScriptedServer server;
    server.push(200, "<html>maintenance</html>");
    server.push(200, R"([{"listId":1,"tit)");
    server.push(200, R"({"listId":1})");
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    CPPUNIT_ASSERT(failure([&] { client.lists(); }).kind() == ApiErrorKind::BadResponse);
    CPPUNIT_ASSERT(failure([&] { client.lists(); }).kind() == ApiErrorKind::BadResponse);
    CPPUNIT_ASSERT(failure([&] { client.lists(); }).kind() == ApiErrorKind::BadResponse); // object, not array
}

void PostupClientTest::testTransportError() {
    unsigned short port = 0;
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = socket.address().port();
    } // closed: nothing listens there now
    DirectHttpTransport transport(fastRetries(2));
    PostupClient client(transport, "http://127.0.0.1:" + std::to_string(port) + "/api", "u", "p");
    const auto e = failure([&] { client.lists(); });
    CPPUNIT_ASSERT(e.kind() == ApiErrorKind::Transport);
    CPPUNIT_ASSERT_EQUAL(0, e.httpStatus());
    CPPUNIT_ASSERT(e.transient());
}

void PostupClientTest::testExportCalls() {
    ScriptedServer server;
    server.push(200, R"({"listId":77,"title":"host + vip","createTime":"2024-06-01 12:00:00"})");
    server.push(200, R"({"importTemplateId":8,"title":"t"})");
    server.push(200, R"({"importId":5012,"importTemplateId":8,"status":"OPEN"})");
    server.push(200, R"({"importId":5012,"importTemplateId":8,"status":"DONE","totalRecords":2,"newRecords":1,"updatedRecords":1})");
    DirectHttpTransport transport(fastRetries(1));
    PostupClient client(transport, server.baseUrl() + "/api", "u", "p");
    CPPUNIT_ASSERT_EQUAL(std::int64_t(77), client.createList("host + vip").listId);
    ImportTemplateSpec spec;
    spec.title = "t";
    spec.columnNames = "Recips.ADDRESS,Demographics.FirstName";
    spec.listIds = {77};
    CPPUNIT_ASSERT_EQUAL(std::int64_t(8), client.createImportTemplate(spec));
    CPPUNIT_ASSERT_EQUAL(std::string("OPEN"), client.startImport(8, {"a@example.com\tAnn", "b@example.com\tBo"}).status);
    const auto done = client.importStatus(5012);
    CPPUNIT_ASSERT_EQUAL(std::string("DONE"), done.status);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), done.updatedRecords);
    const auto seen = server.seen();
    CPPUNIT_ASSERT_EQUAL(std::string("POST"), seen[0].method);
    CPPUNIT_ASSERT(seen[1].body.find("\"listIds\":[77]") != std::string::npos);
    CPPUNIT_ASSERT(seen[2].body.find("a@example.com\\tAnn") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string("/api/import/5012"), seen[3].uri);
}

} // namespace jobhost::plugins::postup::test
