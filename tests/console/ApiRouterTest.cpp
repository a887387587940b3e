// ApiRouterTest.cpp — jobhost console tests: path patterns and route parameters.
// SPDX-License-Identifier: Apache-2.0
#include "ApiRouterTest.h"

#include "ConsoleFixture.h"
#include "console/ApiRouter.h"

using jobhost::host::ApiRouter;
using jobhost::host::RouteParams;

void ApiRouterTest::setUp() {}
void ApiRouterTest::tearDown() {}

void ApiRouterTest::testMatchLiteral() {
    RouteParams params;
    CPPUNIT_ASSERT(ApiRouter::match("/api/v1/jobs", "/api/v1/jobs", params));
    CPPUNIT_ASSERT(params.empty());
}

void ApiRouterTest::testMatchParameters() {
    RouteParams params;
    CPPUNIT_ASSERT(ApiRouter::match("/api/v1/jobs/{name}/run", "/api/v1/jobs/nightly%20import/run", params));
    CPPUNIT_ASSERT_EQUAL(std::string("nightly import"), params["name"]);
}

void ApiRouterTest::testNoMatch() {
    RouteParams params;
    CPPUNIT_ASSERT(!ApiRouter::match("/api/v1/jobs/{name}", "/api/v1/jobs", params));
    CPPUNIT_ASSERT(!ApiRouter::match("/api/v1/jobs/{name}", "/api/v1/jobs/", params));
    CPPUNIT_ASSERT(!ApiRouter::match("/api/v1/jobs/{name}", "/api/v1/jobs/a/b", params));
    CPPUNIT_ASSERT(!ApiRouter::match("/api/v1/jobs", "/api/v1/runs", params));
}

// Found by fuzz/console_request: "%au" made match() throw Poco::URISyntaxException.
void ApiRouterTest::testParametersAreDecodedOnceAndMalformedEscapesMatchNothing() {
    RouteParams params;
    CPPUNIT_ASSERT(ApiRouter::match("/api/v1/jobs/{name}", "/api/v1/jobs/100%25", params));
    CPPUNIT_ASSERT_EQUAL(std::string("100%"), params["name"]);
    CPPUNIT_ASSERT(ApiRouter::match("/api/v1/jobs/{name}", "/api/v1/jobs/%2541", params));
    CPPUNIT_ASSERT_EQUAL(std::string("%41"), params["name"]);
    CPPUNIT_ASSERT(ApiRouter::match("/api/v1/jobs/{name}", "/api/v1/jobs/a%2Fb", params));
    CPPUNIT_ASSERT_EQUAL(std::string("a/b"), params["name"]);
    for (const std::string bad : {"/api/v1/jobs/%au", "/api/v1/jobs/%", "/api/v1/jobs/x%2", "/api/v1/jobs/%zz"}) {
        RouteParams none;
        CPPUNIT_ASSERT_MESSAGE(bad, !ApiRouter::match("/api/v1/jobs/{name}", bad, none));
        CPPUNIT_ASSERT(none.empty());
    }
}
