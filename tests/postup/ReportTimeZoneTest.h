// jobhost postup tests — ReportTimeZoneTest.h
// report_time_zone end to end: one report read as America/Chicago and as UTC,
// through the import job and the default postup_activity mapping.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class ReportTimeZoneTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReportTimeZoneTest);
    CPPUNIT_TEST(testSameReportInChicagoAndUtc);
    CPPUNIT_TEST(testProfileFieldsFollowTheZone);
    CPPUNIT_TEST(testUnknownZoneIsConfigError);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSameReportInChicagoAndUtc();
    void testProfileFieldsFollowTheZone();
    void testUnknownZoneIsConfigError();
};

} // namespace jobhost::plugins::postup::test
