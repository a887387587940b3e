// OpenApiTest.cpp — jobhost console tests: GET /api/v1/openapi.json covers every route and validates.
// The schema check runs tests/console/openapi/validate-openapi.py (Debian python3-jsonschema,
// the OAS 3.1 JSON Schema kept in the repository): offline, no network.
// SPDX-License-Identifier: Apache-2.0
#include "OpenApiTest.h"

#include <fstream>
#include <sstream>
#include <set>

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include "ConsoleFixture.h"
#include "console/ApiRouter.h"

using namespace jobhost::host;

namespace {

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

Poco::JSON::Object::Ptr parse(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

} // namespace

void OpenApiTest::setUp() { _pConsole = std::make_unique<ConsoleFixture>(); }
void OpenApiTest::tearDown() { _pConsole.reset(); }

int OpenApiTest::validate(const std::string& document, std::string& output) {
    std::string file = _pConsole->directory() + "/openapi-under-test.json";
    {
        std::ofstream out(file);
        out << document;
    }
    Poco::Pipe outPipe;
    Poco::ProcessHandle process = Poco::Process::launch(
        JOBHOST_PYTHON3, {JOBHOST_OPENAPI_VALIDATOR, JOBHOST_OAS_SCHEMA, file}, nullptr, &outPipe, &outPipe);
    Poco::PipeInputStream in(outPipe);
    output.clear();
    Poco::StreamCopier::copyToString(in, output);
    return process.wait();
}

void OpenApiTest::testServedWithoutToken() {
    HttpResult r = _pConsole->anonymous("GET", "/api/v1/openapi.json");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_MESSAGE(r.headers.get("Content-Type", ""), r.headers.get("Content-Type", "").rfind("application/json", 0) == 0);
    Poco::JSON::Object::Ptr doc = r.object();
    CPPUNIT_ASSERT_EQUAL(std::string("3.1.0"), doc->getValue<std::string>("openapi"));
    CPPUNIT_ASSERT_EQUAL(std::string(JOBHOST_VERSION), doc->getObject("info")->getValue<std::string>("version"));
    // What the router serves is what it generated.
    ApiRouter router(_pConsole->services());
    CPPUNIT_ASSERT_EQUAL(router.openApiDocument(), r.body);
}

void OpenApiTest::testEveryRouterRouteIsDocumented() {
    ApiRouter router(_pConsole->services());
    Poco::JSON::Object::Ptr paths = parse(_pConsole->anonymous("GET", "/api/v1/openapi.json").body)->getObject("paths");
    std::set<std::string> operationIds;
    for (const std::string& route : router.describe()) {
        std::string method = lower(route.substr(0, route.find(' ')));
        std::string pattern = route.substr(route.find(' ') + 1);
        CPPUNIT_ASSERT_MESSAGE(route + " has no path item", paths->has(pattern));
        Poco::JSON::Object::Ptr operation = paths->getObject(pattern)->getObject(method);
        CPPUNIT_ASSERT_MESSAGE(route + " has no operation", !operation.isNull());
        CPPUNIT_ASSERT_MESSAGE(route + " has no summary", !operation->getValue<std::string>("summary").empty());
        operationIds.insert(operation->getValue<std::string>("operationId"));
    }
    // ... and nothing else: every documented operation is a route.
    std::size_t documented = 0;
    for (const auto& [pattern, item] : *paths) documented += item.extract<Poco::JSON::Object::Ptr>()->size();
    CPPUNIT_ASSERT_EQUAL(router.describe().size(), documented);
    CPPUNIT_ASSERT_EQUAL(router.describe().size(), operationIds.size());
    CPPUNIT_ASSERT(documented >= 27);
    // The routes the console has always had are among them.
    for (const char* pattern : {"/healthz", "/metrics", "/api/v1/jobs/{name}/run", "/api/v1/exports/{job}/replay", "/api/v1/openapi.json"})
        CPPUNIT_ASSERT_MESSAGE(pattern, paths->has(pattern));
}

void OpenApiTest::testParametersAndSecurityFollowTheRoutes() {
    Poco::JSON::Object::Ptr doc = parse(_pConsole->anonymous("GET", "/api/v1/openapi.json").body);
    Poco::JSON::Object::Ptr paths = doc->getObject("paths");
    // Path parameters from the pattern, query parameters from the description.
    Poco::JSON::Object::Ptr run = paths->getObject("/api/v1/jobs/{name}/run")->getObject("post");
    Poco::JSON::Object::Ptr name = run->getArray("parameters")->getObject(0);
    CPPUNIT_ASSERT_EQUAL(std::string("name"), name->getValue<std::string>("name"));
    CPPUNIT_ASSERT_EQUAL(std::string("path"), name->getValue<std::string>("in"));
    CPPUNIT_ASSERT(run->getObject("responses")->has("202"));
    Poco::JSON::Array::Ptr runsParams = paths->getObject("/api/v1/runs")->getObject("get")->getArray("parameters");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), runsParams->size());
    CPPUNIT_ASSERT_EQUAL(std::string("job"), runsParams->getObject(0)->getValue<std::string>("name"));
    CPPUNIT_ASSERT_EQUAL(std::string("query"), runsParams->getObject(0)->getValue<std::string>("in"));
    CPPUNIT_ASSERT(paths->getObject("/api/v1/jobs")->getObject("post")->has("requestBody"));
    CPPUNIT_ASSERT(paths->getObject("/api/v1/jobs")->getObject("post")->getObject("responses")->has("201"));
    // Bearer token everywhere but the public routes, which the server answers without one.
    CPPUNIT_ASSERT_EQUAL(std::string("bearer"),
                         doc->getObject("components")->getObject("securitySchemes")->getObject("bearerToken")->getValue<std::string>("scheme"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), doc->getArray("security")->size());
    for (const char* open : {"/healthz", "/api/v1/openapi.json"}) {
        Poco::JSON::Object::Ptr operation = paths->getObject(open)->getObject("get");
        CPPUNIT_ASSERT_MESSAGE(open, operation->has("security") && operation->getArray("security")->size() == 0);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(open, 200, _pConsole->anonymous("GET", open).status);
    }
    Poco::JSON::Object::Ptr jobs = paths->getObject("/api/v1/jobs")->getObject("get");
    CPPUNIT_ASSERT(!jobs->has("security"));
    CPPUNIT_ASSERT(jobs->getObject("responses")->has("401"));
    CPPUNIT_ASSERT_EQUAL(401, _pConsole->anonymous("GET", "/api/v1/jobs").status);
}

void OpenApiTest::testDocumentValidatesAgainstOas31Schema() {
    std::string output;
    int exitCode = validate(_pConsole->anonymous("GET", "/api/v1/openapi.json").body, output);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 0, exitCode);
    CPPUNIT_ASSERT_MESSAGE(output, output.find("valid OpenAPI 3.1.0 document") != std::string::npos);
}

void OpenApiTest::testValidatorRejectsBrokenDocuments() {
    std::string body = _pConsole->anonymous("GET", "/api/v1/openapi.json").body;
    // No info object: the OAS schema requires one.
    Poco::JSON::Object::Ptr noInfo = parse(body);
    noInfo->remove("info");
    std::ostringstream first;
    noInfo->stringify(first);
    std::string output;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 1, validate(first.str(), output));
    CPPUNIT_ASSERT_MESSAGE(output, output.find("'info' is a required property") != std::string::npos);
    // A response without its (required) description, and a path parameter nobody declares.
    Poco::JSON::Object::Ptr broken = parse(body);
    Poco::JSON::Object::Ptr paths = broken->getObject("paths");
    paths->getObject("/api/v1/jobs")->getObject("get")->getObject("responses")->getObject("200")->remove("description");
    paths->getObject("/api/v1/runs/{id}")->getObject("get")->remove("parameters");
    std::ostringstream second;
    broken->stringify(second);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 1, validate(second.str(), output));
    CPPUNIT_ASSERT_MESSAGE(output, output.find("path parameter {id} is not declared") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(output, output.find("paths//api/v1/jobs/get/responses/200: 'description' is a required property") != std::string::npos);
}
