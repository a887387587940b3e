// ConsoleApiTest.cpp — jobhost console tests: auth, 404/405, health, providers, metrics, web UI.
// SPDX-License-Identifier: Apache-2.0
#include "ConsoleApiTest.h"

#include <regex>

#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include "ConsoleFixture.h"
#include "console/ApiRouter.h"

using namespace jobhost::host;

void ConsoleApiTest::setUp() { _pConsole = std::make_unique<ConsoleFixture>(); }
void ConsoleApiTest::tearDown() { _pConsole.reset(); }

void ConsoleApiTest::testHealthNeedsNoToken() {
    HttpResult r = _pConsole->anonymous("GET", "/healthz");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), r.object()->getValue<std::string>("status"));
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), r.object()->getValue<std::string>("store"));
}

void ConsoleApiTest::testEveryRouteRequiresToken() {
    ApiRouter router(_pConsole->services());
    int checked = 0;
    for (const std::string& route : router.describe()) {
        std::string method = route.substr(0, route.find(' '));
        std::string path = route.substr(route.find(' ') + 1);
        if (path == "/healthz" || path == "/api/v1/openapi.json") continue; // public by design (OpenApiTest checks the document says so)
        path = std::regex_replace(path, std::regex(R"(\{provider\})"), "postup");
        path = std::regex_replace(path, std::regex(R"(\{id\})"), "1");
        path = std::regex_replace(path, std::regex(R"(\{[a-z]+\})"), "x");
        int auditBefore = _pConsole->auditCount();
        HttpResult r = _pConsole->anonymous(method, path, method == "GET" ? "" : "{}");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(route, 401, r.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(route, std::string("Bearer realm=\"jobhost\""), r.headers.get("WWW-Authenticate", ""));
        CPPUNIT_ASSERT_MESSAGE(route, !r.errorMessage().empty());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(route, auditBefore, _pConsole->auditCount());
        ++checked;
    }
    CPPUNIT_ASSERT(checked >= 17);
    CPPUNIT_ASSERT_EQUAL(401, _pConsole->anonymous("GET", "/api/v1/no-such-route").status);
}

void ConsoleApiTest::testWrongTokenRejected() {
    HttpResult r = _pConsole->callWithToken("jht_wrong", "GET", "/api/v1/providers");
    CPPUNIT_ASSERT_EQUAL(401, r.status);
    CPPUNIT_ASSERT(r.errorMessage().find("invalid token") != std::string::npos);
    r = _pConsole->callWithToken(_pConsole->token() + "x", "GET", "/api/v1/providers");
    CPPUNIT_ASSERT_EQUAL(401, r.status);
}

void ConsoleApiTest::testUnknownRoutes404() {
    for (const char* path : {"/api/v1/nothing", "/api/v2/providers", "/api/v1/jobs/x/explode", "/api", "/no-such-page.html"}) {
        HttpResult r = _pConsole->call("GET", path);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, r.status);
        CPPUNIT_ASSERT_MESSAGE(path, r.object()->has("error"));
        CPPUNIT_ASSERT_MESSAGE(path, !r.errorMessage().empty());
    }
    HttpResult r = _pConsole->call("DELETE", "/api/v1/nothing");
    CPPUNIT_ASSERT_EQUAL(404, r.status);
}

void ConsoleApiTest::testMethodNotAllowed() {
    HttpResult r = _pConsole->call("DELETE", "/api/v1/jobs");
    CPPUNIT_ASSERT_EQUAL(405, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("GET, POST"), r.headers.get("Allow", ""));
}

void ConsoleApiTest::testProvidersList() {
    HttpResult r = _pConsole->call("GET", "/api/v1/providers");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    Poco::JSON::Array::Ptr providers = r.object()->getArray("providers");
    CPPUNIT_ASSERT(providers->size() >= 1);
    bool found = false;
    for (std::size_t i = 0; i < providers->size(); ++i)
        found |= providers->getObject(static_cast<unsigned>(i))->getValue<std::string>("name") == "postup";
    CPPUNIT_ASSERT(found);
}

void ConsoleApiTest::testProviderSchema() {
    HttpResult r = _pConsole->call("GET", "/api/v1/providers/postup");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    Poco::JSON::Object::Ptr p = r.object();
    Poco::JSON::Object::Ptr method = p->getArray("authMethods")->getObject(0);
    CPPUNIT_ASSERT_EQUAL(std::string("password"), method->getValue<std::string>("name"));
    Poco::JSON::Object::Ptr password = method->getObject("fields")->getObject("password");
    CPPUNIT_ASSERT(password->getValue<bool>("secret"));
    Poco::JSON::Array::Ptr types = p->getArray("jobTypes");
    bool siteRequired = false;
    for (std::size_t i = 0; i < types->size(); ++i) {
        Poco::JSON::Object::Ptr t = types->getObject(static_cast<unsigned>(i));
        if (t->getValue<std::string>("name") == "import")
            siteRequired = t->getObject("config")->getObject("site_id")->getValue<bool>("required");
    }
    CPPUNIT_ASSERT(siteRequired);
}

void ConsoleApiTest::testUnknownProvider404() {
    HttpResult r = _pConsole->call("GET", "/api/v1/providers/nope");
    CPPUNIT_ASSERT_EQUAL(404, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("provider"), r.errorField());
}

void ConsoleApiTest::testMetricsPrometheusText() {
    HttpResult r = _pConsole->call("GET", "/metrics");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT(r.headers.get("Content-Type", "").rfind("text/plain; version=0.0.4", 0) == 0);
    CPPUNIT_ASSERT(r.body.find("# TYPE jobhost_info gauge\n") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("# TYPE jobhost_runs_total counter\n") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("# TYPE jobhost_run_duration_seconds histogram\n") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("jobhost_jobs{state=\"enabled\"} 0\n") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("jobhost_metrics_source_errors 0\n") != std::string::npos);
}

void ConsoleApiTest::testWebUiServed() {
    HttpResult r = _pConsole->anonymous("GET", "/");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT(r.headers.get("Content-Type", "").rfind("text/html", 0) == 0);
    CPPUNIT_ASSERT(r.headers.get("Content-Security-Policy", "").find("default-src 'self'") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("<html") != std::string::npos);
    HttpResult js = _pConsole->anonymous("GET", "/js/app.js");
    CPPUNIT_ASSERT_EQUAL(200, js.status);
    CPPUNIT_ASSERT(js.headers.get("Content-Type", "").rfind("text/javascript", 0) == 0);
}

void ConsoleApiTest::testWebUiRefusesTraversal() {
    for (const char* path : {"/../CMakeLists.txt", "/js/../../ConsoleServer.cpp", "/%2e%2e/ConsoleServer.cpp", "/.hidden"}) {
        HttpResult r = _pConsole->anonymous("GET", path);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, r.status);
        CPPUNIT_ASSERT_MESSAGE(path, r.body.find("namespace jobhost") == std::string::npos);
    }
}

void ConsoleApiTest::testMalformedJsonBody() {
    HttpResult r = _pConsole->call("POST", "/api/v1/authorizations", "{\"name\": ");
    CPPUNIT_ASSERT_EQUAL(400, r.status);
    CPPUNIT_ASSERT(r.errorMessage().find("request body") != std::string::npos);
    r = _pConsole->call("POST", "/api/v1/jobs", "[1,2]");
    CPPUNIT_ASSERT_EQUAL(400, r.status);
    r = _pConsole->call("POST", "/api/v1/jobs", "");
    CPPUNIT_ASSERT_EQUAL(400, r.status);
}

void ConsoleApiTest::testWithoutStore503() {
    _pConsole.reset();
    _pConsole = std::make_unique<ConsoleFixture>(false);
    HttpResult r = _pConsole->call("GET", "/api/v1/jobs");
    CPPUNIT_ASSERT_EQUAL(503, r.status);
    CPPUNIT_ASSERT(r.errorMessage().find("jobhost serve") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->call("GET", "/api/v1/providers").status);
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->anonymous("GET", "/healthz").status);
}

void ConsoleApiTest::testTokenRotationTakesEffect() {
    std::string old = _pConsole->token();
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->call("GET", "/api/v1/providers").status);
    ConsoleToken cli(_pConsole->tokenStore().file());
    std::string fresh = cli.rotate();
    CPPUNIT_ASSERT_EQUAL(401, _pConsole->callWithToken(old, "GET", "/api/v1/providers").status);
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->callWithToken(fresh, "GET", "/api/v1/providers").status);
}

void ConsoleApiTest::testKeepAliveAfterIgnoredBody() {
    // Bodies a handler never reads (a 401, a POST whose handler ignores it)
    // must not be parsed as the next request on the same connection.
    Poco::Net::HTTPClientSession session("127.0.0.1", _pConsole->port());
    session.setKeepAlive(true);
    auto send = [&](const std::string& method, const std::string& path, const std::string& body, bool withToken) {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (withToken) request.set("Authorization", "Bearer " + _pConsole->token());
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::string text;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
        return static_cast<int>(response.getStatus());
    };
    CPPUNIT_ASSERT_EQUAL(401, send("POST", "/api/v1/jobs", "{\"name\":\"x\"}", false));
    CPPUNIT_ASSERT_EQUAL(200, send("GET", "/api/v1/jobs", "", true));
    CPPUNIT_ASSERT_EQUAL(404, send("POST", "/api/v1/jobs/none/run", "{}", true));
    CPPUNIT_ASSERT_EQUAL(200, send("GET", "/api/v1/providers", "", true));
}

// The router matched Poco::URI::getPath() (already decoded) and decoded the
// parameter again: "100%25" reached match() as "100%" and threw.
void ConsoleApiTest::testPercentEscapesInThePathAreDecodedOnce() {
    HttpResult percent = _pConsole->call("GET", "/api/v1/jobs/100%25");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(percent.body, 404, percent.status);
    CPPUNIT_ASSERT_MESSAGE(percent.body, percent.errorMessage().find("job \"100%\"") != std::string::npos);
    HttpResult twice = _pConsole->call("GET", "/api/v1/jobs/%2541");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(twice.body, 404, twice.status);
    CPPUNIT_ASSERT_MESSAGE(twice.body, twice.errorMessage().find("job \"%41\"") != std::string::npos);
    HttpResult malformed = _pConsole->call("GET", "/api/v1/jobs/%zz");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(malformed.body, 400, malformed.status);
    CPPUNIT_ASSERT_MESSAGE(malformed.body, malformed.errorMessage().find("malformed request URL") != std::string::npos);
}
