// jobhost postup tests — TimeZoneTest.h
// TimeZone (TZif reader) and PosixTzRule: offsets, DST edges, local → UTC, bad names and files.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class TimeZoneTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TimeZoneTest);
    CPPUNIT_TEST(testChicagoTransitionsFromTzdata);
    CPPUNIT_TEST(testOtherZonesAndFooterYears);
    CPPUNIT_TEST(testLocalToUtcRepeatedAndSkippedHours);
    CPPUNIT_TEST(testBuiltinCentralMatchesTzdata);
    CPPUNIT_TEST(testBadNamesAndFilesRefused);
    CPPUNIT_TEST(testTruncatedTzifNeverCrashes);
    CPPUNIT_TEST(testPosixRules);
    CPPUNIT_TEST(testParseInZoneNeverShiftsZonedTimes);
    CPPUNIT_TEST_SUITE_END();

public:
    void testChicagoTransitionsFromTzdata();
    void testOtherZonesAndFooterYears();
    void testLocalToUtcRepeatedAndSkippedHours();
    void testBuiltinCentralMatchesTzdata();
    void testBadNamesAndFilesRefused();
    void testTruncatedTzifNeverCrashes();
    void testPosixRules();
    void testParseInZoneNeverShiftsZonedTimes();
};

} // namespace jobhost::plugins::postup::test
