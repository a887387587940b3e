// jobhost postup tests — ImportConfigTest.h
// ImportConfig: report_url taken apart and validated, the report location alternatives, report_time_zone.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class ImportConfigTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ImportConfigTest);
    CPPUNIT_TEST(testReportUrlTakenApart);
    CPPUNIT_TEST(testBadReportUrlsNameWhatIsMissing);
    CPPUNIT_TEST(testReportUrlWithCredentialsRefusedWithoutEchoingThem);
    CPPUNIT_TEST(testReportLocationAlternatives);
    CPPUNIT_TEST(testReportTimeZone);
    CPPUNIT_TEST_SUITE_END();

public:
    void testReportUrlTakenApart();
    void testBadReportUrlsNameWhatIsMissing();
    void testReportUrlWithCredentialsRefusedWithoutEchoingThem();
    void testReportLocationAlternatives();
    void testReportTimeZone();
};

} // namespace jobhost::plugins::postup::test
