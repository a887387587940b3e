// OpenApiTest.h — jobhost console tests: GET /api/v1/openapi.json covers every route and validates
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class OpenApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(OpenApiTest);
    CPPUNIT_TEST(testServedWithoutToken);
    CPPUNIT_TEST(testEveryRouterRouteIsDocumented);
    CPPUNIT_TEST(testParametersAndSecurityFollowTheRoutes);
    CPPUNIT_TEST(testDocumentValidatesAgainstOas31Schema);
    CPPUNIT_TEST(testValidatorRejectsBrokenDocuments);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testServedWithoutToken();
    void testEveryRouterRouteIsDocumented();
    void testParametersAndSecurityFollowTheRoutes();
    void testDocumentValidatesAgainstOas31Schema();
    void testValidatorRejectsBrokenDocuments();

private:
    /// Runs validate-openapi.py on `document`; returns its exit code, output in `output`.
    int validate(const std::string& document, std::string& output);

    std::unique_ptr<ConsoleFixture> _pConsole;
};
