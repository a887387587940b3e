// jobhost postup tests — PostupDateTest.h
// Every date format of postup-api.md §3, DST edges, bad input.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class PostupDateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostupDateTest);
    CPPUNIT_TEST(testCanonicalCentralTime);
    CPPUNIT_TEST(testIsoVariants);
    CPPUNIT_TEST(testUsFormats);
    CPPUNIT_TEST(testDateOnly);
    CPPUNIT_TEST(testDaylightSavingEdges);
    CPPUNIT_TEST(testRejectsBadInput);
    CPPUNIT_TEST(testFormatIsoUtc);
    CPPUNIT_TEST_SUITE_END();

public:
    void testCanonicalCentralTime();
    void testIsoVariants();
    void testUsFormats();
    void testDateOnly();
    void testDaylightSavingEdges();
    void testRejectsBadInput();
    void testFormatIsoUtc();
};

} // namespace jobhost::plugins::postup::test
