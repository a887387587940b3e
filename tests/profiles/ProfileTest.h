// ProfileTest.h — jobhost profiles tests: kinds, coercion and merge operators (§4, §5).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class ProfileTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProfileTest);
    CPPUNIT_TEST(testDefaultMergeOps);
    CPPUNIT_TEST(testLatestUsesEventTime);
    CPPUNIT_TEST(testOldestMinMax);
    CPPUNIT_TEST(testSetsAndMaps);
    CPPUNIT_TEST(testProfileMerge);
    CPPUNIT_TEST(testCoercion);
    CPPUNIT_TEST(testJsonRoundTrip);
    CPPUNIT_TEST(testCodecRoundTrip);
    CPPUNIT_TEST(testCodecRejectsDamage);
    CPPUNIT_TEST_SUITE_END();

public:
    void testDefaultMergeOps();
    void testLatestUsesEventTime();
    void testOldestMinMax();
    void testSetsAndMaps();
    void testProfileMerge();
    void testCoercion();
    void testJsonRoundTrip();
    void testCodecRoundTrip();
    void testCodecRejectsDamage();
};
