// jobhost postup tests — TimeZoneTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "TimeZoneTest.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "client/PosixTzRule.h"
#include "client/PostupDate.h"
#include "client/TimeZone.h"

namespace jobhost::plugins::postup::test {
namespace {

constexpr int kHour = 3600;

/// UTC seconds of a calendar time (read as UTC).
std::int64_t utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    return PostupDate::daysFromCivil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
}

std::string messageOf(const std::string& name, const std::string& dir = "") {
    try {
        TimeZone::load(name, dir);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "<loaded>";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// A private zoneinfo folder for crafted files; removed by the destructor.
class TempZoneDir {
public:
    TempZoneDir() {
        char pattern[] = "/tmp/jobhost-tz-XXXXXX";
        const char* made = mkdtemp(pattern);
        if (!made) throw std::runtime_error("mkdtemp failed");
        path = made;
    }
    ~TempZoneDir() {
        for (const auto& file : files) std::remove((path + "/" + file).c_str());
        rmdir(path.c_str());
    }
    void write(const std::string& name, const std::string& bytes) {
        std::ofstream(path + "/" + name, std::ios::binary) << bytes;
        files.push_back(name);
    }
    std::string path;
    std::vector<std::string> files;
};

} // namespace

void TimeZoneTest::testChicagoTransitionsFromTzdata() {
    const auto chicago = TimeZone::load("America/Chicago");
    CPPUNIT_ASSERT_EQUAL(std::string("America/Chicago"), chicago->name());
    // 2026: DST from Sun 8 March 02:00 CST (08:00Z) to Sun 1 November 02:00 CDT (07:00Z).
    CPPUNIT_ASSERT_EQUAL(-6 * kHour, chicago->offsetAt(utc(2026, 3, 8, 7, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(-5 * kHour, chicago->offsetAt(utc(2026, 3, 8, 8)));
    CPPUNIT_ASSERT_EQUAL(-5 * kHour, chicago->offsetAt(utc(2026, 11, 1, 6, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(-6 * kHour, chicago->offsetAt(utc(2026, 11, 1, 7)));
    // 1883 and earlier: local mean time (the file's first type), not CST.
    CPPUNIT_ASSERT_EQUAL(-(5 * kHour + 50 * 60 + 36), chicago->offsetAt(utc(1850, 1, 1)));
}

void TimeZoneTest::testOtherZonesAndFooterYears() {
    const auto berlin = TimeZone::load("Europe/Berlin");
    CPPUNIT_ASSERT_EQUAL(1 * kHour, berlin->offsetAt(utc(2026, 3, 29, 0, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(2 * kHour, berlin->offsetAt(utc(2026, 3, 29, 1)));
    CPPUNIT_ASSERT_EQUAL(2 * kHour, berlin->offsetAt(utc(2026, 10, 25, 0, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(1 * kHour, berlin->offsetAt(utc(2026, 10, 25, 1)));
    // Southern hemisphere: Sydney's DST spans the new year.
    const auto sydney = TimeZone::load("Australia/Sydney");
    CPPUNIT_ASSERT_EQUAL(11 * kHour, sydney->offsetAt(utc(2026, 1, 15, 12)));
    CPPUNIT_ASSERT_EQUAL(11 * kHour, sydney->offsetAt(utc(2026, 4, 4, 15, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(10 * kHour, sydney->offsetAt(utc(2026, 4, 4, 16)));
    CPPUNIT_ASSERT_EQUAL(10 * kHour, sydney->offsetAt(utc(2026, 10, 3, 15, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(11 * kHour, sydney->offsetAt(utc(2026, 10, 3, 16)));
    // Half-hour offset, no DST.
    CPPUNIT_ASSERT_EQUAL(5 * kHour + 30 * 60, TimeZone::load("Asia/Kolkata")->offsetAt(utc(2026, 7, 1)));
    CPPUNIT_ASSERT_EQUAL(0, TimeZone::load("UTC")->offsetAt(utc(2026, 7, 1)));
    // Years after the file's table (2037 and later) come from its footer rule.
    const auto chicago = TimeZone::load("America/Chicago");
    CPPUNIT_ASSERT_EQUAL(-5 * kHour, chicago->offsetAt(utc(2100, 7, 1, 12)));
    CPPUNIT_ASSERT_EQUAL(-6 * kHour, chicago->offsetAt(utc(2100, 1, 15, 12)));
    // 2100: second Sunday of March is the 14th; 02:00 CST = 08:00Z.
    CPPUNIT_ASSERT_EQUAL(-6 * kHour, chicago->offsetAt(utc(2100, 3, 14, 7, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(-5 * kHour, chicago->offsetAt(utc(2100, 3, 14, 8)));
    CPPUNIT_ASSERT_EQUAL(11 * kHour, sydney->offsetAt(utc(2100, 1, 15)));
    CPPUNIT_ASSERT_EQUAL(10 * kHour, sydney->offsetAt(utc(2100, 7, 15)));
}

void TimeZoneTest::testLocalToUtcRepeatedAndSkippedHours() {
    const auto chicago = TimeZone::load("America/Chicago");
    CPPUNIT_ASSERT_EQUAL(utc(2026, 11, 29, 21, 15, 5), chicago->utcFromLocal(utc(2026, 11, 29, 15, 15, 5)));
    CPPUNIT_ASSERT_EQUAL(utc(2026, 7, 1, 17), chicago->utcFromLocal(utc(2026, 7, 1, 12)));
    // 01:30 on 1 Nov 2026 happened twice (CDT, then CST): the later instant.
    CPPUNIT_ASSERT_EQUAL(utc(2026, 11, 1, 7, 30), chicago->utcFromLocal(utc(2026, 11, 1, 1, 30)));
    CPPUNIT_ASSERT_EQUAL(utc(2026, 11, 1, 5, 59), chicago->utcFromLocal(utc(2026, 11, 1, 0, 59)));
    CPPUNIT_ASSERT_EQUAL(utc(2026, 11, 1, 8), chicago->utcFromLocal(utc(2026, 11, 1, 2)));
    // 02:30 on 8 Mar 2026 never happened: read with CST, i.e. 03:30 CDT.
    CPPUNIT_ASSERT_EQUAL(utc(2026, 3, 8, 8, 30), chicago->utcFromLocal(utc(2026, 3, 8, 2, 30)));
    CPPUNIT_ASSERT_EQUAL(utc(2026, 3, 8, 8, 0), chicago->utcFromLocal(utc(2026, 3, 8, 3, 0)));
    const auto berlin = TimeZone::load("Europe/Berlin");
    CPPUNIT_ASSERT_EQUAL(utc(2026, 10, 25, 1, 30), berlin->utcFromLocal(utc(2026, 10, 25, 2, 30)));
    CPPUNIT_ASSERT_EQUAL(utc(2026, 1, 10, 9), berlin->utcFromLocal(utc(2026, 1, 10, 10)));
    // Round trip over a year, hourly, in a zone with DST: local(utc) maps back.
    for (std::int64_t t = utc(2026, 1, 1); t < utc(2027, 1, 1); t += 1800) {
        const std::int64_t local = t + chicago->offsetAt(t);
        const std::int64_t back = chicago->utcFromLocal(local);
        // Only the repeated hour may map to the other (later) instant.
        if (back != t) CPPUNIT_ASSERT_EQUAL(t + kHour, back);
    }
}

void TimeZoneTest::testBuiltinCentralMatchesTzdata() {
    const auto file = TimeZone::load("America/Chicago");
    const auto builtin = TimeZone::usCentral();
    for (std::int64_t t = utc(1990, 1, 1); t < utc(2041, 1, 1); t += 1800)
        CPPUNIT_ASSERT_EQUAL_MESSAGE(PostupDate::formatIsoUtc(t * 1000), file->offsetAt(t), builtin->offsetAt(t));
    // Without tzdata the default and UTC still load (built in); others do not.
    CPPUNIT_ASSERT(TimeZone::load("America/Chicago", "/nonexistent-zoneinfo") == TimeZone::usCentral());
    CPPUNIT_ASSERT(TimeZone::load("UTC", "/nonexistent-zoneinfo") == TimeZone::utc());
    CPPUNIT_ASSERT(contains(messageOf("Europe/Berlin", "/nonexistent-zoneinfo"),
                            "unknown IANA time zone \"Europe/Berlin\" (no zone file /nonexistent-zoneinfo/Europe/Berlin"));
}

void TimeZoneTest::testBadNamesAndFilesRefused() {
    for (const char* bad : {"", "/etc/passwd", "../../etc/passwd", "America/../../etc/passwd", "America/", "America//Chicago",
                            "America/Chi cago", "-rf", "Europe/Berlin\n"}) {
        const std::string message = messageOf(bad);
        CPPUNIT_ASSERT_MESSAGE(message, contains(message, "is not an IANA time zone name"));
    }
    CPPUNIT_ASSERT_EQUAL(std::string("unknown IANA time zone \"Mars/Olympus_Mons\" (no zone file /usr/share/zoneinfo/Mars/Olympus_Mons; "
                                     "is the tzdata package installed?)"),
                         messageOf("Mars/Olympus_Mons", "/usr/share/zoneinfo"));
    // A file of the tzdata folder that is not a zone.
    CPPUNIT_ASSERT(contains(messageOf("zone1970.tab"), "is not a TZif zone file"));
    TempZoneDir dir;
    dir.write("Bad", "TZif2 but not really");
    dir.write("Empty", "");
    CPPUNIT_ASSERT(contains(messageOf("Bad", dir.path), "is not a TZif zone file"));
    CPPUNIT_ASSERT(contains(messageOf("Empty", dir.path), "is not a TZif zone file"));
    // A copied real file under another name loads from the given folder.
    dir.write("Test_Zone", readAll("/usr/share/zoneinfo/Europe/Berlin"));
    CPPUNIT_ASSERT_EQUAL(2 * kHour, TimeZone::load("Test_Zone", dir.path)->offsetAt(utc(2026, 7, 1)));
}

void TimeZoneTest::testTruncatedTzifNeverCrashes() {
    const std::string bytes = readAll("/usr/share/zoneinfo/America/Chicago");
    CPPUNIT_ASSERT(bytes.size() > 1000);
    CPPUNIT_ASSERT(TimeZone::fromTzif("x", bytes));
    for (std::size_t n = 0; n + 1 < bytes.size(); n += 7)
        CPPUNIT_ASSERT_MESSAGE(std::to_string(n), !TimeZone::fromTzif("x", std::string_view(bytes).substr(0, n)));
    // A broken footer is refused, not ignored.
    std::string broken = bytes;
    broken.replace(broken.rfind("CST6CDT"), 7, "CST?CDT");
    CPPUNIT_ASSERT(!TimeZone::fromTzif("x", broken));
}

void TimeZoneTest::testPosixRules() {
    const auto us = PosixTzRule::parse("CST6CDT,M3.2.0,M11.1.0");
    CPPUNIT_ASSERT(us && us->hasDaylightTime());
    CPPUNIT_ASSERT_EQUAL(-5 * kHour, us->offsetAt(utc(2026, 3, 8, 8)));
    CPPUNIT_ASSERT_EQUAL(-6 * kHour, us->offsetAt(utc(2026, 11, 1, 7)));
    const auto fixed = PosixTzRule::parse("<+0530>-5:30");
    CPPUNIT_ASSERT(fixed && !fixed->hasDaylightTime());
    CPPUNIT_ASSERT_EQUAL(5 * kHour + 30 * 60, fixed->offsetAt(0));
    CPPUNIT_ASSERT_EQUAL(0, PosixTzRule::parse("UTC0")->offsetAt(utc(2026, 1, 1)));
    // Southern hemisphere, change at 03:00 local.
    const auto au = PosixTzRule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
    CPPUNIT_ASSERT_EQUAL(11 * kHour, au->offsetAt(utc(2026, 4, 4, 15, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(10 * kHour, au->offsetAt(utc(2026, 4, 4, 16)));
    // Transition hour beyond 24 (RFC 8536 extension): Israel's 26:00 of the Thursday.
    const auto il = PosixTzRule::parse("IST-2IDT,M3.4.4/26,M10.5.0");
    CPPUNIT_ASSERT(il);
    CPPUNIT_ASSERT_EQUAL(2 * kHour, il->offsetAt(utc(2026, 3, 27) - 1));
    CPPUNIT_ASSERT_EQUAL(3 * kHour, il->offsetAt(utc(2026, 3, 27, 0, 0)));
    // Julian day forms: J60 is always 1 March; 59 (zero-based) is 29 Feb in a leap year.
    const auto julian = PosixTzRule::parse("AAA0BBB,J60/0,J305/0");
    CPPUNIT_ASSERT_EQUAL(0, julian->offsetAt(utc(2028, 2, 29, 23, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(3600, julian->offsetAt(utc(2028, 3, 1)));
    const auto zeroBased = PosixTzRule::parse("AAA0BBB,59/0,304/0");
    CPPUNIT_ASSERT_EQUAL(3600, zeroBased->offsetAt(utc(2028, 2, 29)));
    CPPUNIT_ASSERT_EQUAL(0, zeroBased->offsetAt(utc(2027, 2, 28, 23)));
    for (const char* bad : {"", "C6", "CST", "CST6CDT", "CST6CDT,M3.2.0", "CST6CDT,M13.2.0,M11.1.0", "CST6CDT,M3.6.0,M11.1.0",
                            "CST6CDT,M3.2.7,M11.1.0", "CST6CDT,J0,J100", "CST99", "<+05", "CST6CDT,M3.2.0,M11.1.0x"})
        CPPUNIT_ASSERT_MESSAGE(bad, !PosixTzRule::parse(bad));
}

void TimeZoneTest::testParseInZoneNeverShiftsZonedTimes() {
    const auto chicago = TimeZone::load("America/Chicago");
    const auto utcZone = TimeZone::load("UTC");
    auto iso = [](std::optional<std::int64_t> ms) { return ms ? PostupDate::formatIsoUtc(*ms) : std::string("<none>"); };
    // The two report formats.
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-29T21:15:05Z"), iso(PostupDate::parseMs("2026-11-29 15:15:05", *chicago)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-29T15:15:05Z"), iso(PostupDate::parseMs("2026-11-29 15:15:05", *utcZone)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-29T09:15:00Z"), iso(PostupDate::parseMs("11/29/2026 3:15", *chicago)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-29T03:15:00Z"), iso(PostupDate::parseMs("11/29/2026 3:15", *utcZone)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-29T15:15:00Z"), iso(PostupDate::parseMs("11/29/2026 3:15 PM", *utcZone)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-07-01T10:00:00.250Z"), iso(PostupDate::parseMs("2026-07-01T12:00:00.25", *TimeZone::load("Europe/Berlin"))));
    // Zone-bearing times are the same instant whatever the zone.
    for (const char* zoned : {"2026-11-29T15:15:05Z", "2026-11-29 15:15:05-06:00", "2026-11-29T15:15:05+0100", "2026-07-01T08:00:00+02"}) {
        CPPUNIT_ASSERT_EQUAL(iso(PostupDate::parseMs(zoned)), iso(PostupDate::parseMs(zoned, *chicago)));
        CPPUNIT_ASSERT_EQUAL(iso(PostupDate::parseMs(zoned)), iso(PostupDate::parseMs(zoned, *utcZone)));
    }
    // Central from tzdata agrees with the built-in API reading outside the skipped hour.
    for (const char* text : {"2024-05-01 10:00:00", "2024-11-03 01:30:00", "5/1/24 10:00", "2026-01-01"})
        CPPUNIT_ASSERT_EQUAL(iso(PostupDate::parseMs(text)), iso(PostupDate::parseMs(text, *chicago)));
    CPPUNIT_ASSERT(!PostupDate::parseMs("not a date", *chicago));
}

} // namespace jobhost::plugins::postup::test
