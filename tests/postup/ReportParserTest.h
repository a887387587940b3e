// jobhost postup tests — ReportParserTest.h
// The streaming TSV report parser: line ends, BOM, columns, bad rows.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class ReportParserTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReportParserTest);
    CPPUNIT_TEST(testCrlfOpenReport);
    CPPUNIT_TEST(testLfAndBomAndByteByByte);
    CPPUNIT_TEST(testClickAndBounceColumns);
    CPPUNIT_TEST(testMissingOptionalAndUnknownColumns);
    CPPUNIT_TEST(testBadRowsCountedNotFatal);
    CPPUNIT_TEST(testMissingRequiredColumn);
    CPPUNIT_TEST(testTruncatedTailDetected);
    CPPUNIT_TEST(testResetStartsOver);
    CPPUNIT_TEST(testHandlerCanAbort);
    CPPUNIT_TEST_SUITE_END();

public:
    void testCrlfOpenReport();
    void testLfAndBomAndByteByByte();
    void testClickAndBounceColumns();
    void testMissingOptionalAndUnknownColumns();
    void testBadRowsCountedNotFatal();
    void testMissingRequiredColumn();
    void testTruncatedTailDetected();
    void testResetStartsOver();
    void testHandlerCanAbort();
};

} // namespace jobhost::plugins::postup::test
