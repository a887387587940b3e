// MembershipEngineTest.h — jobhost audiences tests: the pure membership rules.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class MembershipEngineTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MembershipEngineTest);
    CPPUNIT_TEST(testDiff);
    CPPUNIT_TEST(testTransition);
    CPPUNIT_TEST(testMergeRule);
    CPPUNIT_TEST(testTimeDependent);
    CPPUNIT_TEST(testFieldsChanged);
    CPPUNIT_TEST(testBadFilterNamesAudience);
    CPPUNIT_TEST_SUITE_END();

public:
    void testDiff();
    void testTransition();
    void testMergeRule();
    void testTimeDependent();
    void testFieldsChanged();
    void testBadFilterNamesAudience();
};
