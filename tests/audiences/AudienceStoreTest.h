// AudienceStoreTest.h — jobhost audiences tests: memberships, events and the outbox in the store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class AudienceStoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AudienceStoreTest);
    CPPUNIT_TEST(testEnterOnProfileChange);
    CPPUNIT_TEST(testExitOnProfileChange);
    CPPUNIT_TEST(testEnterFromMerge);
    CPPUNIT_TEST(testDefinitionChange);
    CPPUNIT_TEST(testOutboxAtomicWithMembership);
    CPPUNIT_TEST(testCoalescing);
    CPPUNIT_TEST(testUpdateOnMappedFieldChange);
    CPPUNIT_TEST(testBackfill);
    CPPUNIT_TEST(testTimeBasedSweep);
    CPPUNIT_TEST(testRebuildKeepsMemberships);
    CPPUNIT_TEST(testMembershipsMatchFilterAfterBigRun);
    CPPUNIT_TEST_SUITE_END();

public:
    void testEnterOnProfileChange();
    void testExitOnProfileChange();
    void testEnterFromMerge();
    void testDefinitionChange();
    void testOutboxAtomicWithMembership();
    void testCoalescing();
    void testUpdateOnMappedFieldChange();
    void testBackfill();
    void testTimeBasedSweep();
    void testRebuildKeepsMemberships();
    void testMembershipsMatchFilterAfterBigRun();
};
