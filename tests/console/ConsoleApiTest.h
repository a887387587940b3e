// ConsoleApiTest.h — jobhost console tests: server basics: auth, 404/405, health, providers, metrics, web UI
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class ConsoleApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ConsoleApiTest);
    CPPUNIT_TEST(testHealthNeedsNoToken);
    CPPUNIT_TEST(testEveryRouteRequiresToken);
    CPPUNIT_TEST(testWrongTokenRejected);
    CPPUNIT_TEST(testUnknownRoutes404);
    CPPUNIT_TEST(testMethodNotAllowed);
    CPPUNIT_TEST(testProvidersList);
    CPPUNIT_TEST(testProviderSchema);
    CPPUNIT_TEST(testUnknownProvider404);
    CPPUNIT_TEST(testMetricsPrometheusText);
    CPPUNIT_TEST(testWebUiServed);
    CPPUNIT_TEST(testWebUiRefusesTraversal);
    CPPUNIT_TEST(testMalformedJsonBody);
    CPPUNIT_TEST(testPercentEscapesInThePathAreDecodedOnce);
    CPPUNIT_TEST(testWithoutStore503);
    CPPUNIT_TEST(testTokenRotationTakesEffect);
    CPPUNIT_TEST(testKeepAliveAfterIgnoredBody);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testHealthNeedsNoToken();
    void testEveryRouteRequiresToken();
    void testWrongTokenRejected();
    void testUnknownRoutes404();
    void testMethodNotAllowed();
    void testProvidersList();
    void testProviderSchema();
    void testUnknownProvider404();
    void testMetricsPrometheusText();
    void testWebUiServed();
    void testWebUiRefusesTraversal();
    void testMalformedJsonBody();
    void testPercentEscapesInThePathAreDecodedOnce();
    void testWithoutStore503();
    void testTokenRotationTakesEffect();
    void testKeepAliveAfterIgnoredBody();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
