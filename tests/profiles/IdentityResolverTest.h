// IdentityResolverTest.h — jobhost profiles tests: stitching, conflicts and merges (§6.2).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class IdentityResolverTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(IdentityResolverTest);
    CPPUNIT_TEST(testCreateAndReuse);
    CPPUNIT_TEST(testStitchMergesTransitively);
    CPPUNIT_TEST(testConflictRule);
    CPPUNIT_TEST(testConflictWithEventKey);
    CPPUNIT_TEST(testNaiveMode);
    CPPUNIT_TEST(testEmptyKeysThrow);
    CPPUNIT_TEST(testMergeNeverDoubleCounts);
    CPPUNIT_TEST_SUITE_END();

public:
    void testCreateAndReuse();
    void testStitchMergesTransitively();
    void testConflictRule();
    void testConflictWithEventKey();
    void testNaiveMode();
    void testEmptyKeysThrow();
    void testMergeNeverDoubleCounts();
};
