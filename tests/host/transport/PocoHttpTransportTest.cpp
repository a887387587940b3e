// tests/host/transport — PocoHttpTransportTest.cpp
// The transport against a scripted local server, on a ManualClock.
// SPDX-License-Identifier: Apache-2.0
#include "PocoHttpTransportTest.h"

#include <atomic>
#include <thread>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Timestamp.h>

#include "CapturingLogger.h"
#include "RecordingSink.h"
#include "ScriptedServer.h"
#include "SelfSignedCertificate.h"
#include "transport/FixedRandomSource.h"
#include "transport/ManualClock.h"
#include "transport/PocoHttpTransport.h"
#include "transport/TokenBucket.h"

namespace jobhost::tests {

using host::FixedRandomSource;
using host::ManualClock;
using host::PocoHttpTransport;
using S = ScriptedServer;

namespace {

struct Rig {
    std::shared_ptr<ManualClock> pClock = std::make_shared<ManualClock>();
    std::shared_ptr<FixedRandomSource> pRandom = std::make_shared<FixedRandomSource>(1.0);
    std::shared_ptr<CapturingLogger> pLogger = std::make_shared<CapturingLogger>();

    PocoHttpTransport::Options options(host::RetrySettings retry = {5, 500, 30000, 120000}) const {
        PocoHttpTransport::Options o;
        o.retry = retry;
        o.pClock = pClock;
        o.pRandom = pRandom;
        o.pLogger = pLogger;
        return o;
    }
};

sdk::HttpRequest get(const std::string& url, std::int64_t timeoutMs = 5000) {
    sdk::HttpRequest request;
    request.url = url;
    request.timeoutMs = timeoutMs;
    return request;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

int unusedPort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    const int port = socket.address().port();
    socket.close();
    return port;
}

} // namespace

void PocoHttpTransportTest::testSuccessReturnsBodyAndHeaders() {
    ScriptedServer server;
    server.script({S::respond(200, "hello", {{"X-Thing", "42"}})});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    const auto response = transport.send(get(server.url("/a/b?x=1")));
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("hello"), response.body);
    CPPUNIT_ASSERT_EQUAL(std::string("42"), response.header("x-thing"));
    CPPUNIT_ASSERT_EQUAL(1, response.attempts);
    CPPUNIT_ASSERT(response.transportError.empty());
    CPPUNIT_ASSERT_EQUAL(std::string("/a/b?x=1"), server.requests().at(0).uri);
    CPPUNIT_ASSERT(rig.pClock->sleeps().empty());
    CPPUNIT_ASSERT(rig.pLogger->lines().empty());
    const auto counters = transport.counters();
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, counters.requests);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, counters.retries);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{5}, counters.bytesReceived);
}

void PocoHttpTransportTest::testRequestBodyAndHeadersAreSent() {
    ScriptedServer server;
    Rig rig;
    PocoHttpTransport transport(rig.options());
    sdk::HttpRequest request = get(server.url("/post"));
    request.method = "post";
    request.body = R"({"a":1})";
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Basic abc"}};
    const auto response = transport.send(request);
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    const auto recorded = server.requests().at(0);
    CPPUNIT_ASSERT_EQUAL(std::string("POST"), recorded.method);
    CPPUNIT_ASSERT_EQUAL(request.body, recorded.body);
    bool sawType = false, sawAuth = false, sawAgent = false;
    for (const auto& [name, value] : recorded.headers) {
        sawType |= name == "Content-Type" && value == "application/json";
        sawAuth |= name == "Authorization" && value == "Basic abc";
        sawAgent |= name == "User-Agent" && contains(value, "jobhost/");
    }
    CPPUNIT_ASSERT(sawType && sawAuth && sawAgent);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{7}, transport.counters().bytesSent);
}

void PocoHttpTransportTest::testRetries503WithFullJitterBackoff() {
    ScriptedServer server;
    server.script({S::respond(503, "busy"), S::respond(503, "busy"), S::respond(200, "ok")});
    Rig rig; // fraction 1.0: the full-jitter upper bound, base 500
    PocoHttpTransport transport(rig.options());
    const auto response = transport.send(get(server.url("/jobs")));
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), response.body);
    CPPUNIT_ASSERT_EQUAL(3, response.attempts);
    CPPUNIT_ASSERT((rig.pClock->sleeps() == std::vector<std::int64_t>{500, 1000}));
    const auto lines = rig.pLogger->lines();
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, lines.size());
    const std::string first = "GET " + server.url("/jobs") + " → 503, retry 1/4 in 500 ms";
    CPPUNIT_ASSERT_EQUAL(first, lines[0]);
    CPPUNIT_ASSERT(contains(lines[1], "retry 2/4 in 1000 ms"));
    CPPUNIT_ASSERT_EQUAL("GET " + server.url("/jobs") + " → 200 after 3 attempts", lines[2]);
    const auto counters = transport.counters();
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, counters.attempts);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, counters.retries);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, counters.failures);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1500}, counters.backoffSleptMs);

    // Lower bound of full jitter: no wait at all.
    ScriptedServer server2;
    server2.script({S::respond(500), S::respond(200, "ok")});
    Rig rig2;
    rig2.pRandom->setFraction(0.0);
    PocoHttpTransport transport2(rig2.options());
    CPPUNIT_ASSERT_EQUAL(200, transport2.send(get(server2.url())).status);
    CPPUNIT_ASSERT((rig2.pClock->sleeps() == std::vector<std::int64_t>{0}));
}

void PocoHttpTransportTest::testRetryableStatusesAreRetried() {
    for (int status : {408, 429, 500, 502, 503, 504}) {
        ScriptedServer server;
        server.script({S::respond(status, "x"), S::respond(200, "ok")});
        Rig rig;
        PocoHttpTransport transport(rig.options());
        const auto response = transport.send(get(server.url()));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(status), 200, response.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(status), 2, response.attempts);
        CPPUNIT_ASSERT_EQUAL(std::size_t{2}, server.requestCount());
    }
}

void PocoHttpTransportTest::testNoRetryOnPermanent4xx() {
    for (int status : {400, 401, 403, 404, 409, 422}) {
        ScriptedServer server;
        server.script({S::respond(status, "{\"error\":\"no\"}"), S::respond(200, "ok")});
        Rig rig;
        PocoHttpTransport transport(rig.options());
        const auto response = transport.send(get(server.url()));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(status), status, response.status);
        CPPUNIT_ASSERT_EQUAL(1, response.attempts);
        CPPUNIT_ASSERT_EQUAL(std::string("{\"error\":\"no\"}"), response.body);
        CPPUNIT_ASSERT(response.transportError.empty());
        CPPUNIT_ASSERT_EQUAL(std::size_t{1}, server.requestCount());
        CPPUNIT_ASSERT(rig.pClock->sleeps().empty());
        CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, transport.counters().failures);
    }
}

void PocoHttpTransportTest::testRetryAfterSecondsIsHonoured() {
    ScriptedServer server;
    server.script({S::respond(429, "slow down", {{"Retry-After", "7"}}), S::respond(200, "ok")});
    Rig rig; // backoff ceiling 500 < 7000
    PocoHttpTransport transport(rig.options());
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT((rig.pClock->sleeps() == std::vector<std::int64_t>{7000}));
    CPPUNIT_ASSERT(contains(rig.pLogger->lines().at(0), "→ 429, retry 1/4 in 7000 ms (Retry-After)"));

    // Backoff larger than the hint wins.
    ScriptedServer server2;
    server2.script({S::respond(503, "", {{"Retry-After", "0"}}), S::respond(200)});
    Rig rig2;
    PocoHttpTransport transport2(rig2.options());
    CPPUNIT_ASSERT_EQUAL(200, transport2.send(get(server2.url())).status);
    CPPUNIT_ASSERT((rig2.pClock->sleeps() == std::vector<std::int64_t>{500}));
}

void PocoHttpTransportTest::testRetryAfterHttpDateIsHonoured() {
    Rig rig;
    const Poco::Timestamp when((rig.pClock->epochMs() + 20000) * 1000);
    const std::string date = Poco::DateTimeFormatter::format(when, Poco::DateTimeFormat::HTTP_FORMAT);
    ScriptedServer server;
    server.script({S::respond(503, "", {{"Retry-After", date}}), S::respond(200, "ok")});
    PocoHttpTransport transport(rig.options());
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT((rig.pClock->sleeps() == std::vector<std::int64_t>{20000}));
}

void PocoHttpTransportTest::testRetryAfterBeyondElapsedCapGivesUp() {
    ScriptedServer server;
    server.script({S::respond(429, "quota", {{"Retry-After", "3600"}}), S::respond(200, "ok")});
    Rig rig; // maxElapsed 120 s
    PocoHttpTransport transport(rig.options());
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(429, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("3600"), response.header("Retry-After"));
    CPPUNIT_ASSERT_EQUAL(1, response.attempts);
    CPPUNIT_ASSERT(rig.pClock->sleeps().empty());
    CPPUNIT_ASSERT(contains(rig.pLogger->lines().at(0), "giving up after 1 attempt: elapsed cap"));
}

void PocoHttpTransportTest::testAttemptCapReturnsLastStatus() {
    ScriptedServer server;
    server.setFallback(S::respond(503, "still down"));
    Rig rig;
    PocoHttpTransport transport(rig.options({3, 100, 1000, 0}));
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(503, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("still down"), response.body);
    CPPUNIT_ASSERT_EQUAL(3, response.attempts);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, server.requestCount());
    CPPUNIT_ASSERT((rig.pClock->sleeps() == std::vector<std::int64_t>{100, 200}));
    CPPUNIT_ASSERT(contains(rig.pLogger->lines().back(), "giving up after 3 attempts: attempt cap 3 reached"));
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, transport.counters().failures);

    // maxAttempts 1: no retries at all.
    ScriptedServer server2;
    server2.setFallback(S::respond(500));
    Rig rig2;
    PocoHttpTransport transport2(rig2.options({1, 100, 1000, 0}));
    CPPUNIT_ASSERT_EQUAL(1, transport2.send(get(server2.url())).attempts);
}

void PocoHttpTransportTest::testElapsedCapStopsRetrying() {
    ScriptedServer server;
    server.setFallback(S::respond(502));
    Rig rig;
    // Each wait is 1000 ms (cap 1000, fraction 1); 2000 + 1000 > 2500 stops after attempt 3.
    PocoHttpTransport transport(rig.options({100, 1000, 1000, 2500}));
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(502, response.status);
    CPPUNIT_ASSERT_EQUAL(3, response.attempts);
    CPPUNIT_ASSERT((rig.pClock->sleeps() == std::vector<std::int64_t>{1000, 1000}));
    CPPUNIT_ASSERT(rig.pClock->totalSleptMs() <= 2500);
}

void PocoHttpTransportTest::testClosedConnectionIsRetried() {
    ScriptedServer server;
    server.script({S::close(), S::close(), S::respond(200, "ok")});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT_EQUAL(3, response.attempts);
    CPPUNIT_ASSERT(contains(rig.pLogger->lines().at(0), "→ connection reset"));
}

void PocoHttpTransportTest::testConnectionRefusedIsRetriedThenReported() {
    Rig rig;
    PocoHttpTransport transport(rig.options({3, 100, 1000, 0}));
    const std::string url = "http://127.0.0.1:" + std::to_string(unusedPort()) + "/x";
    const auto response = transport.send(get(url));
    CPPUNIT_ASSERT_EQUAL(0, response.status);
    CPPUNIT_ASSERT_EQUAL(3, response.attempts);
    CPPUNIT_ASSERT(contains(response.transportError, "GET " + url + ": connection refused"));
    CPPUNIT_ASSERT(contains(response.transportError, "gave up after 3 attempts"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, rig.pClock->sleeps().size());
}

void PocoHttpTransportTest::testTimeoutIsRetried() {
    ScriptedServer server;
    server.script({S::slow(3000, 200, "late"), S::respond(200, "ok")});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    const auto response = transport.send(get(server.url(), 200));
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), response.body);
    CPPUNIT_ASSERT_EQUAL(2, response.attempts);
    CPPUNIT_ASSERT(contains(rig.pLogger->lines().at(0), "→ timeout"));
}

void PocoHttpTransportTest::testTruncatedBodyIsRetriedAndSinkReset() {
    ScriptedServer server;
    server.script({S::truncated("0123", 10), S::respond(200, "0123456789")});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    RecordingSink sink;
    const auto response = transport.send(get(server.url()), &sink);
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT_EQUAL(2, response.attempts);
    CPPUNIT_ASSERT_EQUAL(std::string("0123456789"), sink.data);
    CPPUNIT_ASSERT_EQUAL(2, sink.resets);
    CPPUNIT_ASSERT(response.body.empty());
    CPPUNIT_ASSERT(contains(rig.pLogger->lines().at(0), "truncated body: got 4 of 10 bytes"));

    // Without a sink the same applies.
    ScriptedServer server2;
    server2.script({S::truncated("01", 5), S::respond(200, "01234")});
    PocoHttpTransport transport2(rig.options());
    const auto response2 = transport2.send(get(server2.url()));
    CPPUNIT_ASSERT_EQUAL(std::string("01234"), response2.body);
    CPPUNIT_ASSERT_EQUAL(2, response2.attempts);
}

void PocoHttpTransportTest::testStreamsLargeBodyIntoSink() {
    std::string big(3 * 1024 * 1024 + 17, 'x');
    for (std::size_t i = 0; i < big.size(); i += 997) big[i] = static_cast<char>('a' + i % 26);
    ScriptedServer server;
    server.script({S::respond(200, big)});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    RecordingSink sink;
    const auto response = transport.send(get(server.url()), &sink);
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT(response.body.empty());
    CPPUNIT_ASSERT(sink.data == big);
    CPPUNIT_ASSERT(sink.writes > 1);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::uint64_t>(big.size()), transport.counters().bytesReceived);
}

void PocoHttpTransportTest::testSinkResetBeforeEachAttemptsBody() {
    ScriptedServer server;
    server.script({S::respond(503, "busy"), S::respond(200, "payload")});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    RecordingSink sink;
    const auto response = transport.send(get(server.url()), &sink);
    CPPUNIT_ASSERT_EQUAL(200, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("payload"), sink.data);
    CPPUNIT_ASSERT_EQUAL(1, sink.resets); // the 503 body never reached the sink
    CPPUNIT_ASSERT(response.body.empty());
}

void PocoHttpTransportTest::testErrorBodyGoesToResponseTruncated() {
    ScriptedServer server;
    server.script({S::respond(400, std::string(100 * 1024, 'e'))});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    RecordingSink sink;
    const auto response = transport.send(get(server.url()), &sink);
    CPPUNIT_ASSERT_EQUAL(400, response.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t{64 * 1024}, response.body.size());
    CPPUNIT_ASSERT_EQUAL(0, sink.resets);
    CPPUNIT_ASSERT(sink.data.empty());
}

void PocoHttpTransportTest::testSinkAbortStopsWithoutRetry() {
    ScriptedServer server;
    server.script({S::respond(200, std::string(200000, 'z'))});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    RecordingSink sink(1000);
    const auto response = transport.send(get(server.url()), &sink);
    CPPUNIT_ASSERT_EQUAL(0, response.status);
    CPPUNIT_ASSERT_EQUAL(1, response.attempts);
    CPPUNIT_ASSERT(contains(response.transportError, "aborted by the body sink"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, server.requestCount());
}

void PocoHttpTransportTest::testCancelDuringBackoff() {
    ScriptedServer server;
    server.setFallback(S::respond(503));
    Rig rig;
    std::atomic<bool> stop{false};
    auto options = rig.options();
    options.cancelled = [&] { return stop.load(); };
    PocoHttpTransport transport(options);
    rig.pClock->setOnSleep([&](std::int64_t) { stop = true; });
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(0, response.status);
    CPPUNIT_ASSERT(contains(response.transportError, "cancelled"));
    CPPUNIT_ASSERT_EQUAL(1, response.attempts);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, server.requestCount());
}

void PocoHttpTransportTest::testCancelBeforeSend() {
    ScriptedServer server;
    Rig rig;
    PocoHttpTransport transport(rig.options());
    transport.cancel();
    CPPUNIT_ASSERT(transport.isCancelled());
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL(0, response.status);
    CPPUNIT_ASSERT_EQUAL(0, response.attempts);
    CPPUNIT_ASSERT(contains(response.transportError, "cancelled"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, server.requestCount());
}

void PocoHttpTransportTest::testRateLimiterWaitsBeforeEachAttempt() {
    ScriptedServer server;
    server.script({S::respond(200), S::respond(200), S::respond(503), S::respond(200)});
    Rig rig;
    rig.pRandom->setFraction(0.0); // no backoff, so every sleep is a rate-limit wait
    auto options = rig.options();
    options.pRateLimiter = std::make_shared<host::TokenBucket>(host::RateLimitSettings{10, 1}, rig.pClock);
    PocoHttpTransport transport(options);
    CPPUNIT_ASSERT_EQUAL(200, transport.send(get(server.url())).status); // burst token
    CPPUNIT_ASSERT_EQUAL(200, transport.send(get(server.url())).status); // waits 100 ms
    CPPUNIT_ASSERT_EQUAL(200, transport.send(get(server.url())).status); // 503 (wait 100) + retry (wait 100)
    const auto counters = transport.counters();
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, counters.rateLimitWaits);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{300}, counters.rateLimitWaitedMs);
    CPPUNIT_ASSERT((rig.pClock->sleeps() == std::vector<std::int64_t>{100, 100, 0, 100}));
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{4}, options.pRateLimiter->acquired());
}

void PocoHttpTransportTest::testCanaryNeverLogged() {
    const std::string canary = "Canary-Pa55word!";
    const std::string token = "tok-CANARY-7781";
    ScriptedServer server;
    server.setFallback(S::respond(503, "no"));
    Rig rig;
    auto options = rig.options({3, 10, 100, 0});
    options.secrets = {canary, token};
    PocoHttpTransport transport(options);
    sdk::HttpRequest request = get("http://admin:" + canary + "@127.0.0.1:" + std::to_string(server.port()) +
                                   "/api/login?user=bob&password=" + canary + "&access_token=" + token + "&q=" +
                                   token);
    request.headers = {{"Authorization", "Basic " + canary}, {"X-Api-Key", token}};
    std::vector<std::string> texts;
    const auto response = transport.send(request);
    CPPUNIT_ASSERT_EQUAL(503, response.status);
    texts.push_back(response.transportError);

    // And the transport-error path (refused), with the canary URL-encoded in the query.
    sdk::HttpRequest refused = request;
    refused.url = "http://u:" + canary + "@127.0.0.1:" + std::to_string(unusedPort()) + "/x?note=" + "Canary-Pa55word%21";
    const auto failed = transport.send(refused);
    CPPUNIT_ASSERT_EQUAL(0, failed.status);
    texts.push_back(failed.transportError);

    const auto lines = rig.pLogger->lines();
    CPPUNIT_ASSERT(lines.size() >= 4);
    texts.insert(texts.end(), lines.begin(), lines.end());
    for (const auto& text : texts) {
        CPPUNIT_ASSERT_MESSAGE(text, !contains(text, "Canary"));
        CPPUNIT_ASSERT_MESSAGE(text, !contains(text, "CANARY"));
        CPPUNIT_ASSERT_MESSAGE(text, !contains(text, "admin:"));
    }
    CPPUNIT_ASSERT_MESSAGE(lines.at(0), contains(lines.at(0), "/api/login?user=bob&password=***&access_token=***"));
    CPPUNIT_ASSERT(contains(lines.at(0), "→ 503, retry 1/2"));
    // The server still received the real credentials.
    const auto recorded = server.requests().at(0);
    bool sawAuth = false;
    for (const auto& [name, value] : recorded.headers) sawAuth |= name == "Authorization" && value == "Basic " + canary;
    CPPUNIT_ASSERT(sawAuth);
}

void PocoHttpTransportTest::testInvalidUrlFailsFast() {
    Rig rig;
    PocoHttpTransport transport(rig.options());
    for (const std::string url : {"ftp://example.com/x", "not a url", "/relative/path"}) {
        const auto response = transport.send(get(url));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(url, 0, response.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(url, 1, response.attempts);
        CPPUNIT_ASSERT_MESSAGE(url, contains(response.transportError, "invalid request"));
    }
    CPPUNIT_ASSERT(rig.pClock->sleeps().empty());
}

void PocoHttpTransportTest::testHttpsAgainstPlainServerFailsCleanly() {
    ScriptedServer server;
    Rig rig;
    PocoHttpTransport transport(rig.options({2, 10, 10, 0}));
    const auto response = transport.send(get("https://127.0.0.1:" + std::to_string(server.port()) + "/", 2000));
    CPPUNIT_ASSERT_EQUAL(0, response.status);
    CPPUNIT_ASSERT(!response.transportError.empty());
    CPPUNIT_ASSERT(response.attempts >= 1);
}

void PocoHttpTransportTest::testHttpsVerifiesCertificatesByDefault() {
    SelfSignedCertificate certificate;
    ScriptedServer server(certificate.keyFile(), certificate.certificateFile());
    Rig rig;
    PocoHttpTransport transport(rig.options()); // verifyCertificates = true by default
    const auto response = transport.send(get(server.url("/secure"), 3000));
    CPPUNIT_ASSERT_EQUAL(0, response.status);
    CPPUNIT_ASSERT_EQUAL(1, response.attempts); // a certificate failure is not retried
    CPPUNIT_ASSERT_MESSAGE(response.transportError, contains(response.transportError, "TLS error"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, server.requestCount());
}

void PocoHttpTransportTest::testHttpsWithTrustedCaSucceeds() {
    SelfSignedCertificate certificate;
    ScriptedServer server(certificate.keyFile(), certificate.certificateFile());
    server.script({S::respond(503), S::respond(200, "secret stuff")});
    Rig rig;
    auto options = rig.options();
    options.caLocation = certificate.certificateFile();
    PocoHttpTransport transport(options);
    const auto response = transport.send(get(server.url("/secure"), 3000));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(response.transportError, 200, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("secret stuff"), response.body);
    CPPUNIT_ASSERT_EQUAL(2, response.attempts);

    // Verification switched off (tests only) accepts the self-signed certificate too.
    auto insecure = rig.options();
    insecure.verifyCertificates = false;
    PocoHttpTransport lax(insecure);
    CPPUNIT_ASSERT_EQUAL(200, lax.send(get(server.url("/secure"), 3000)).status);
}

void PocoHttpTransportTest::testMalformedUrlDoesNotLeakUserInfo() {
    Rig rig;
    PocoHttpTransport transport(rig.options());
    for (const std::string url : {"http://bob:Leaky-Canary@127.0.0.1:99999999/x", "http://bob:Leaky-Canary@[::1/x",
                                  "http://bob:Leaky-Canary@/x"}) {
        const auto response = transport.send(get(url));
        CPPUNIT_ASSERT_EQUAL(0, response.status);
        CPPUNIT_ASSERT_MESSAGE(response.transportError, !response.transportError.empty());
        CPPUNIT_ASSERT_MESSAGE(response.transportError, !contains(response.transportError, "Leaky-Canary"));
    }
    for (const auto& line : rig.pLogger->lines()) CPPUNIT_ASSERT_MESSAGE(line, !contains(line, "Leaky-Canary"));
}

void PocoHttpTransportTest::testConcurrentSendsFromManyThreads() {
    ScriptedServer server;
    server.setFallback(S::respond(200, "same"));
    Rig rig;
    PocoHttpTransport transport(rig.options());
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i) {
                const auto response = transport.send(get(server.url("/c")));
                if (response.status == 200 && response.body == "same") ++ok;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CPPUNIT_ASSERT_EQUAL(40, ok.load());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{40}, transport.counters().requests);
    CPPUNIT_ASSERT_EQUAL(std::size_t{40}, server.requestCount());
}

void PocoHttpTransportTest::testKeepAliveReusesOneConnection() {
    ScriptedServer server;
    Rig rig;
    PocoHttpTransport transport(rig.options());
    for (int i = 0; i < 5; ++i) {
        sdk::HttpRequest request = get(server.url("/n/" + std::to_string(i)));
        if (i % 2) {
            request.method = "POST";
            request.body = "{}";
        }
        CPPUNIT_ASSERT_EQUAL(200, transport.send(request).status);
    }
    CPPUNIT_ASSERT_EQUAL(std::size_t{5}, server.requestCount());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, server.connectionCount());
    const auto counters = transport.counters();
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, counters.connectionsOpened);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{4}, counters.connectionsReused);
}

void PocoHttpTransportTest::testKeepAliveOffOpensOneConnectionPerAttempt() {
    ScriptedServer server;
    Rig rig;
    auto options = rig.options();
    options.keepAlive = false;
    PocoHttpTransport transport(options);
    for (int i = 0; i < 3; ++i) CPPUNIT_ASSERT_EQUAL(200, transport.send(get(server.url())).status);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, server.connectionCount());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, transport.counters().connectionsOpened);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, transport.counters().connectionsReused);
}

void PocoHttpTransportTest::testServerClosedIdleConnectionIsNotReused() {
    // The server answers, then closes the connection (as an idle timeout
    // would). The pooled session must be recognised as closed, so the next
    // request goes out on a new connection at its first attempt.
    ScriptedServer server;
    server.script({S::respondThenClose(200, "first"), S::respond(200, "second")});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    CPPUNIT_ASSERT_EQUAL(std::string("first"), transport.send(get(server.url())).body);
    server.waitUntilIdle(); // the hang-up happened
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(response.transportError, 200, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("second"), response.body);
    CPPUNIT_ASSERT_EQUAL(1, response.attempts);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, server.connectionCount());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, transport.counters().connectionsOpened);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, transport.counters().connectionsReused);
}

void PocoHttpTransportTest::testRetryAfterResetUsesFreshConnection() {
    // A reused connection the server drops mid-request: an ordinary reset,
    // retried by the policy on a new connection.
    ScriptedServer server;
    server.script({S::respond(200, "a"), S::close(), S::respond(200, "b")});
    Rig rig;
    PocoHttpTransport transport(rig.options());
    CPPUNIT_ASSERT_EQUAL(std::string("a"), transport.send(get(server.url())).body);
    const auto response = transport.send(get(server.url()));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(response.transportError, 200, response.status);
    CPPUNIT_ASSERT_EQUAL(std::string("b"), response.body);
    CPPUNIT_ASSERT_EQUAL(2, response.attempts);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, transport.counters().connectionsReused);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, transport.counters().connectionsOpened);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, server.connectionCount());
}

void PocoHttpTransportTest::testCutErrorBodyClosesConnection() {
    // An error body cut at errorBodyLimit leaves unread bytes on the wire:
    // that connection must not carry the next request; a fully read error
    // body keeps it.
    ScriptedServer server;
    server.script({S::respond(404, std::string(4096, 'e')), S::respond(404, "gone"), S::respond(200, "ok"),
                   S::respond(200, "ok")});
    Rig rig;
    auto options = rig.options();
    options.errorBodyLimit = 100;
    PocoHttpTransport transport(options);
    CPPUNIT_ASSERT_EQUAL(std::size_t{100}, transport.send(get(server.url())).body.size());
    CPPUNIT_ASSERT_EQUAL(std::string("gone"), transport.send(get(server.url())).body); // new connection
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), transport.send(get(server.url())).body);   // reuses it
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), transport.send(get(server.url())).body);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, transport.counters().connectionsOpened);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{2}, transport.counters().connectionsReused);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, server.connectionCount());
}

void PocoHttpTransportTest::testHttpsKeepAliveReusesConnection() {
    SelfSignedCertificate certificate;
    ScriptedServer server(certificate.keyFile(), certificate.certificateFile());
    Rig rig;
    auto options = rig.options();
    options.caLocation = certificate.certificateFile();
    PocoHttpTransport transport(options);
    for (int i = 0; i < 4; ++i) {
        const auto response = transport.send(get(server.url("/secure"), 3000));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(response.transportError, 200, response.status);
    }
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, server.connectionCount());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{3}, transport.counters().connectionsReused);
}

} // namespace jobhost::tests
