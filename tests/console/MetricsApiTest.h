// MetricsApiTest.h — jobhost console tests: /metrics families for a known store state, --metrics-public
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class MetricsApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MetricsApiTest);
    CPPUNIT_TEST(testRunMetricsForKnownState);
    CPPUNIT_TEST(testScrapesFollowNewAndEndingRuns);
    CPPUNIT_TEST(testExportMetricsForKnownState);
    CPPUNIT_TEST(testRateLimitWaitSeconds);
    CPPUNIT_TEST(testEveryFamilyDeclaredOnceAndGrouped);
    CPPUNIT_TEST(testMetricsNeedTokenByDefault);
    CPPUNIT_TEST(testMetricsPublicLeavesApiClosed);
    CPPUNIT_TEST(testMetricsPublicOptionParsed);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testRunMetricsForKnownState();
    void testScrapesFollowNewAndEndingRuns();
    void testExportMetricsForKnownState();
    void testRateLimitWaitSeconds();
    void testEveryFamilyDeclaredOnceAndGrouped();
    void testMetricsNeedTokenByDefault();
    void testMetricsPublicLeavesApiClosed();
    void testMetricsPublicOptionParsed();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
