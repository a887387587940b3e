// tests/host/transport — RetryPolicyTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class RetryPolicyTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RetryPolicyTest);
    CPPUNIT_TEST(testBackoffCeilingDoublesUpToCap);
    CPPUNIT_TEST(testBackoffIsFullJitterWithinBounds);
    CPPUNIT_TEST(testBackoffSurvivesHugeAttemptNumbers);
    CPPUNIT_TEST(testStatusClassification);
    CPPUNIT_TEST(testTransportErrorClassification);
    CPPUNIT_TEST(testRetryAfterSeconds);
    CPPUNIT_TEST(testRetryAfterHttpDates);
    CPPUNIT_TEST(testRetryAfterGarbageIsIgnored);
    CPPUNIT_TEST(testEffectiveDelayIsMaxOfHintAndBackoff);
    CPPUNIT_TEST(testAttemptCap);
    CPPUNIT_TEST(testElapsedCap);
    CPPUNIT_TEST(testZeroElapsedCapMeansUnlimited);
    CPPUNIT_TEST(testRunLevelSettings);
    CPPUNIT_TEST_SUITE_END();

public:
    void testBackoffCeilingDoublesUpToCap();
    void testBackoffIsFullJitterWithinBounds();
    void testBackoffSurvivesHugeAttemptNumbers();
    void testStatusClassification();
    void testTransportErrorClassification();
    void testRetryAfterSeconds();
    void testRetryAfterHttpDates();
    void testRetryAfterGarbageIsIgnored();
    void testEffectiveDelayIsMaxOfHintAndBackoff();
    void testAttemptCap();
    void testElapsedCap();
    void testZeroElapsedCapMeansUnlimited();
    void testRunLevelSettings();
};

} // namespace jobhost::tests
