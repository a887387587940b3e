// jobhost postup tests — PostupDateTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupDateTest.h"

#include "client/PostupDate.h"

namespace jobhost::plugins::postup::test {
namespace {

std::string iso(const std::string& text) {
    const auto ms = PostupDate::parseMs(text);
    return ms ? PostupDate::formatIsoUtc(*ms) : std::string("<none>");
}

} // namespace

void PostupDateTest::testCanonicalCentralTime() {
    // The simulator's own format: site-local Central time, CDT in May, CST in January.
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00Z"), iso("2024-05-01 10:00:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-01-15T16:00:00Z"), iso("2024-01-15 10:00:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00Z"), iso("  2024-05-01 10:00:00\r\n"));
}

void PostupDateTest::testIsoVariants() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T10:00:00Z"), iso("2024-05-01T10:00:00Z"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00Z"), iso("2024-05-01T10:00:00-05:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T04:30:00Z"), iso("2024-05-01T10:00:00+0530"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T08:00:00Z"), iso("2024-05-01T10:00:00+02"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00Z"), iso("2024-05-01T10:00:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T10:00:00.250Z"), iso("2024-05-01 10:00:00.25Z"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T10:00:00.123Z"), iso("2024-05-01T10:00:00.123456Z"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00Z"), iso("2024-05-01T10:00"));
}

void PostupDateTest::testUsFormats() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00Z"), iso("5/1/2024 10:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00Z"), iso("5/1/24 10:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:30Z"), iso("05/01/2024 10:00:30"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-02T03:00:00Z"), iso("5/1/2024 10:00 PM"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T05:30:00Z"), iso("5/1/2024 12:30 AM"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-12-31T06:00:00Z"), iso("12/31/2024"));
}

void PostupDateTest::testDateOnly() {
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T05:00:00Z"), iso("2024-05-01"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29T06:00:00Z"), iso("2024-02-29"));
}

void PostupDateTest::testDaylightSavingEdges() {
    // 2024: DST from Sun 10 March 02:00 CST to Sun 3 November 02:00 CDT.
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-10T07:59:59Z"), iso("2024-03-10 01:59:59"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-10T08:00:00Z"), iso("2024-03-10 03:00:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-03T05:30:00Z"), iso("2024-11-03 00:30:00"));
    // The repeated hour reads as standard time (same choice as the simulator).
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-03T07:30:00Z"), iso("2024-11-03 01:30:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-03T08:00:00Z"), iso("2024-11-03 02:00:00"));
    // Pre-2007 rules: first Sunday in April to last Sunday in October.
    CPPUNIT_ASSERT_EQUAL(std::string("2006-04-02T08:00:00Z"), iso("2006-04-02 03:00:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2006-03-20T18:00:00Z"), iso("2006-03-20 12:00:00"));
    CPPUNIT_ASSERT_EQUAL(-5 * 3600, PostupDate::centralOffsetSeconds(1717243200)); // 2024-06-01T12:00Z
    CPPUNIT_ASSERT_EQUAL(-6 * 3600, PostupDate::centralOffsetSeconds(1704110400)); // 2024-01-01T12:00Z
}

void PostupDateTest::testRejectsBadInput() {
    for (const char* bad : {"", "   ", "yesterday", "2024-02-30 10:00:00", "2023-02-29", "2024-13-01 00:00:00",
                            "2024-05-01 24:00:00", "2024-05-01 10:60:00", "2024-05-01T10:00:00+25:00",
                            "2024-05-01T10:00:00Zjunk", "13/1/2024 10:00", "5/1/2024 13:00 PM", "5/1/202 10:00",
                            "2024/05/01 10:00:00", "20240501"}) {
        CPPUNIT_ASSERT_MESSAGE(std::string("accepted: ") + bad, !PostupDate::parseMs(bad));
    }
}

void PostupDateTest::testFormatIsoUtc() {
    CPPUNIT_ASSERT_EQUAL(std::string("1970-01-01T00:00:00Z"), PostupDate::formatIsoUtc(0));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-06-01T17:00:00Z"), PostupDate::formatIsoUtc(1717261200000));
    CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31T23:59:59.999Z"), PostupDate::formatIsoUtc(-1));
}

} // namespace jobhost::plugins::postup::test
