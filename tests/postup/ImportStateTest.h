// jobhost postup tests — ImportStateTest.h
// The checkpoint JSON: round trip, defaults, refusal of foreign text.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class ImportStateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportStateTest);
    CPPUNIT_TEST(testRoundTrip);
    CPPUNIT_TEST(testReadsVersion1);
    CPPUNIT_TEST(testEmptyIsFresh);
    CPPUNIT_TEST(testRejectsForeignState);
    CPPUNIT_TEST(testNaturalKeys);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRoundTrip();
    void testReadsVersion1();
    void testEmptyIsFresh();
    void testRejectsForeignState();
    void testNaturalKeys();
};

} // namespace jobhost::plugins::postup::test
