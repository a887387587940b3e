// tests/host/transport — TokenBucketTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class TokenBucketTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TokenBucketTest);
    CPPUNIT_TEST(testBurstThenSteadyRate);
    CPPUNIT_TEST(testRefillIsCappedAtBurst);
    CPPUNIT_TEST(testTryAcquireNeverWaits);
    CPPUNIT_TEST(testZeroRateIsUnlimited);
    CPPUNIT_TEST(testCancelledWaitGivesTokenBack);
    CPPUNIT_TEST(testReconfigure);
    CPPUNIT_TEST(testConcurrentCallersShareTheRate);
    CPPUNIT_TEST(testRegistrySharesBucketPerCredential);
    CPPUNIT_TEST_SUITE_END();

public:
    void testBurstThenSteadyRate();
    void testRefillIsCappedAtBurst();
    void testTryAcquireNeverWaits();
    void testZeroRateIsUnlimited();
    void testCancelledWaitGivesTokenBack();
    void testReconfigure();
    void testConcurrentCallersShareTheRate();
    void testRegistrySharesBucketPerCredential();
};

} // namespace jobhost::tests
