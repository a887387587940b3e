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
