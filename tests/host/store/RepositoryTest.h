// tests/host/store — RepositoryTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class RepositoryTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RepositoryTest);
    CPPUNIT_TEST(testStreamAppendIgnoresDuplicateNaturalKeys);
    CPPUNIT_TEST(testStreamSequencePerStreamAndConsumerPosition);
    CPPUNIT_TEST(testEmptyNaturalKeyIsNeverDeduplicated);
    CPPUNIT_TEST(testClaimIsExclusiveUntilReleased);
    CPPUNIT_TEST(testDueJobsAndState);
    CPPUNIT_TEST(testRunRowAndLog);
    CPPUNIT_TEST(testAuthorizationAndAuditRoundTrip);
    CPPUNIT_TEST_SUITE_END();

public:
    void testStreamAppendIgnoresDuplicateNaturalKeys();
    void testStreamSequencePerStreamAndConsumerPosition();
    void testEmptyNaturalKeyIsNeverDeduplicated();
    void testClaimIsExclusiveUntilReleased();
    void testDueJobsAndState();
    void testRunRowAndLog();
    void testAuthorizationAndAuditRoundTrip();
};

} // namespace jobhost::tests
