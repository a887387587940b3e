// ProfileStoreTest.h — jobhost audiences tests: the store-backed profile builder.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class ProfileStoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProfileStoreTest);
    CPPUNIT_TEST(testWorkedExample);
    CPPUNIT_TEST(testEqualsInMemory);
    CPPUNIT_TEST(testNaiveModeEqualsInMemory);
    CPPUNIT_TEST(testIncrementalEqualsOneShot);
    CPPUNIT_TEST(testRerunChangesNothing);
    CPPUNIT_TEST(testRebuildIdentical);
    CPPUNIT_TEST(testCrashMidBatchIsExactlyOnce);
    CPPUNIT_TEST(testSameBuilderContinuesAfterFailedBatch);
    CPPUNIT_TEST(testBuildersTakingTurnsEqualInMemory);
    CPPUNIT_TEST(testTinyProfileCacheEqualsInMemory);
    CPPUNIT_TEST(testReadAheadGivesIdenticalProfiles);
    CPPUNIT_TEST(testProfileCacheKeepsItsByteBudget);
    CPPUNIT_TEST(testNeedsRebuildAfterMappingChange);
    CPPUNIT_TEST(testIdentityIndexContract);
    CPPUNIT_TEST(testStreamEventFields);
    CPPUNIT_TEST_SUITE_END();

public:
    void testWorkedExample();
    void testEqualsInMemory();
    void testNaiveModeEqualsInMemory();
    void testIncrementalEqualsOneShot();
    void testRerunChangesNothing();
    void testRebuildIdentical();
    void testCrashMidBatchIsExactlyOnce();
    // The builder's profile cache is emptied when a batch rolls back ...
    void testSameBuilderContinuesAfterFailedBatch();
    // ... and when another builder committed in between (generation stamp) ...
    void testBuildersTakingTurnsEqualInMemory();
    // ... and when it outgrows its limit; none of that changes results.
    void testTinyProfileCacheEqualsInMemory();
    void testReadAheadGivesIdenticalProfiles();
    void testProfileCacheKeepsItsByteBudget();
    void testNeedsRebuildAfterMappingChange();
    void testIdentityIndexContract();
    void testStreamEventFields();
};
