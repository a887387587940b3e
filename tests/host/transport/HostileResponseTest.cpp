// HostileResponseTest.cpp — jobhost transport tests: a hostile "PostUp" (postup-sim hostile faults) against PocoHttpTransport's limits.
// Each hostile answer must fail its request once (no retry), quickly, with a
// message that names the limit, and leave the transport usable.
// SPDX-License-Identifier: Apache-2.0
#include "HostileResponseTest.h"

#include <chrono>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <jobhost/sdk/Abi.h>

#include "app/HostException.h"

#include "jobhost/sim/SimulatorServer.h"
#include "plugins/ManifestReader.h"
#include "transport/JsonBodyCheck.h"
#include "transport/PocoHttpTransport.h"

namespace jobhost::tests {
namespace {

using Clock = std::chrono::steady_clock;

/// An in-process simulator whose GET /api/list answers with `kind`.
std::unique_ptr<sim::SimulatorServer> hostile(sim::FaultKind kind, long long size = 0) {
    sim::SimulatorOptions o;
    o.recipients = 10;
    o.lists = 2;
    o.lockoutThreshold = 0;
    sim::FaultRule rule;
    rule.kind = kind;
    rule.route = "GET /api/list";
    rule.size = size;
    o.faults.rules.push_back(rule);
    auto server = std::make_unique<sim::SimulatorServer>(o);
    server->start();
    return server;
}

host::PocoHttpTransport::Options limited() {
    host::PocoHttpTransport::Options options;
    options.retry.maxAttempts = 4; // retries on: the limits must still fail at once
    options.retry.baseMs = 1;
    options.retry.capMs = 2;
    options.limits.maxBodyBytes = 1024 * 1024;
    options.limits.maxAttemptMs = 1500;
    options.limits.maxJsonDepth = 64;
    return options;
}

sdk::HttpRequest listRequest(const sim::SimulatorServer& server, const std::string& path = "/list") {
    sdk::HttpRequest request;
    request.url = server.apiBaseUrl() + path;
    request.headers = {{"Authorization", "Basic YXBpQGV4YW1wbGUuY29tOnNlY3JldA=="}, {"Accept", "application/json"}};
    request.timeoutMs = 5000;
    return request;
}

/// The request fails once with `needle` in its error, and the next request (to another route) works.
void expectFailure(sim::FaultKind kind, const std::string& needle, long long size = 0) {
    auto server = hostile(kind, size);
    host::PocoHttpTransport transport(limited());
    const auto started = Clock::now();
    sdk::HttpResponse response = transport.send(listRequest(*server));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(response.transportError, 0, response.status);
    CPPUNIT_ASSERT_MESSAGE(response.transportError, response.transportError.find(needle) != std::string::npos);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("not retried: " + response.transportError, 1, response.attempts);
    CPPUNIT_ASSERT(response.body.empty());
    CPPUNIT_ASSERT_MESSAGE("took " + std::to_string(ms) + " ms", ms < 5000);
    sdk::HttpResponse next = transport.send(listRequest(*server, "/site"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(next.transportError, 200, next.status);
}

} // namespace

void HostileResponseTest::testHugeAnnouncedBodyFailsBeforeReading() {
    // 4 GiB announced: reading it would take minutes and all memory.
    expectFailure(sim::FaultKind::HugeBody, "http_limits.max_body_bytes", 4LL * 1024 * 1024 * 1024);
}

void HostileResponseTest::testEndlessChunkedBodyStopsAtTheSizeLimit() {
    expectFailure(sim::FaultKind::EndlessBody, "larger than the 1 MiB allowed (http_limits.max_body_bytes)");
}

void HostileResponseTest::testEndlessBodyIntoSinkStopsAtTheTimeLimit() {
    // A sink takes any size (report downloads stream), so only time bounds it.
    struct CountingSink : sdk::BodySink {
        std::size_t bytes = 0;
        void reset() override { bytes = 0; }
        bool write(const char*, std::size_t size) override {
            bytes += size;
            return true;
        }
    } sink;
    auto server = hostile(sim::FaultKind::EndlessBody);
    host::PocoHttpTransport transport(limited());
    const auto started = Clock::now();
    sdk::HttpResponse response = transport.send(listRequest(*server), &sink);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    CPPUNIT_ASSERT_EQUAL(0, response.status);
    CPPUNIT_ASSERT_MESSAGE(response.transportError, response.transportError.find("http_limits.max_attempt_ms") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(1, response.attempts);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(ms) + " ms", ms >= 1500 && ms < 5000);
    CPPUNIT_ASSERT(sink.bytes > 0);
}

void HostileResponseTest::testWrongContentTypeFails() {
    expectFailure(sim::FaultKind::WrongContentType, "Content-Type text/html; charset=utf-8 where JSON was asked for");
}

void HostileResponseTest::testDeeplyNestedJsonFails() {
    expectFailure(sim::FaultKind::DeepJson, "JSON nested deeper than 64 levels at byte 64 (http_limits.max_json_depth)");
}

void HostileResponseTest::testInvalidUtf8Fails() {
    expectFailure(sim::FaultKind::InvalidUtf8, "invalid UTF-8 at byte");
}

void HostileResponseTest::testLimitsComeFromTheManifest() {
    auto manifest = Poco::JSON::Parser()
                        .parse(R"({"name":"hostile","version":"1.0.0","abi":)" + std::to_string(JOBHOST_SDK_ABI_VERSION) +
                               R"(,"library":"hostile","authorization_methods":{"token":{"fields":{"token":{"type":"string","required":true,"secret":true}}}},)"
                               R"("job_types":{"pull":{"role":"import","config":{}}}})")
                        .extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Object::Ptr limits = new Poco::JSON::Object;
    limits->set("max_body_bytes", 2048);
    limits->set("max_attempt_ms", 250);
    limits->set("max_json_depth", 3);
    manifest->set("http_limits", limits);
    const host::ProviderManifest m = host::ManifestReader::read(manifest, "hostile.json");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2048), m.httpLimits.maxBodyBytes);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(250), m.httpLimits.maxAttemptMs);
    CPPUNIT_ASSERT_EQUAL(3, m.httpLimits.maxJsonDepth);
    limits->set("max_body_bytes", 10); // below the 1 KiB minimum: a clear manifest error
    try {
        host::ManifestReader::read(manifest, "hostile.json");
        CPPUNIT_FAIL("a 10-byte body limit was accepted");
    } catch (const host::ManifestException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), e.message().find("http_limits.max_body_bytes") != std::string::npos);
    }
}

void HostileResponseTest::testBodyCheckAcceptsValidUtf8AndRejectsOverlongsAndSurrogates() {
    using host::JsonBodyCheck;
    CPPUNIT_ASSERT(!JsonBodyCheck::problem("[{\"name\":\"Zoë \xE2\x82\xAC \xF0\x9F\x98\x80\",\"n\":[[1]]}]", 4));
    CPPUNIT_ASSERT(JsonBodyCheck::problem("[{\"n\":[[1]]}]", 3)); // four levels
    CPPUNIT_ASSERT(!JsonBodyCheck::problem("\"[[[[[[[[\"", 2)); // brackets inside a string do not nest
    CPPUNIT_ASSERT(!JsonBodyCheck::problem("\"\\\"[[[[\"", 2));   // nor after an escaped quote
    CPPUNIT_ASSERT(JsonBodyCheck::problem("[[[1]]]", 2));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid UTF-8 at byte 1"), JsonBodyCheck::problem("\"\xC0\xAF\"", 0).value()); // overlong '/'
    CPPUNIT_ASSERT(JsonBodyCheck::problem("\"\xED\xA0\x80\"", 0));         // UTF-16 surrogate
    CPPUNIT_ASSERT(JsonBodyCheck::problem("\"\xF4\x90\x80\x80\"", 0));     // above U+10FFFF
    CPPUNIT_ASSERT(JsonBodyCheck::problem("\"\xE2\x82\"", 0));             // cut-off sequence
    CPPUNIT_ASSERT(JsonBodyCheck::isJsonType("application/json; charset=utf-8"));
    CPPUNIT_ASSERT(JsonBodyCheck::isJsonType("application/problem+json"));
    CPPUNIT_ASSERT(!JsonBodyCheck::isJsonType("text/html"));
}

} // namespace jobhost::tests
