// AudienceFilterTest.h — jobhost profiles tests: FilterQL truth tables of §8.2 and guard semantics of §2.3.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class AudienceFilterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AudienceFilterTest);
    CPPUNIT_TEST(testMissingFields);
    CPPUNIT_TEST(testLogicOkRules);
    CPPUNIT_TEST(testNumbersAndStrings);
    CPPUNIT_TEST(testLikeGlob);
    CPPUNIT_TEST(testSets);
    CPPUNIT_TEST(testMaps);
    CPPUNIT_TEST(testDates);
    CPPUNIT_TEST(testBetweenExclusive);
    CPPUNIT_TEST(testGuardsOnRawEvents);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void testMissingFields();
    void testLogicOkRules();
    void testNumbersAndStrings();
    void testLikeGlob();
    void testSets();
    void testMaps();
    void testDates();
    void testBetweenExclusive();
    void testGuardsOnRawEvents();
};
