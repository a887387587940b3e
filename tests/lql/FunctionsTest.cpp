// FunctionsTest.cpp — jobhost profiles tests: every function vector of mapping-semantics §3.
// SPDX-License-Identifier: Apache-2.0
#include "FunctionsTest.h"

#include "lql/DateParser.h"
#include "lql/Functions.h"
#include "lql/SipHash.h"

using namespace jobhost::host::lql;

namespace {

// 2024-11-16T09:15:27Z, the §10 E2 timestamp.
const TimeMs kE2{1731748527000};

std::optional<Value> call(const std::string& name, std::vector<Value> args, TimeMs ts = kE2)
{
    return Functions::call(name, args, EvalClock::forEvent(ts));
}

std::string str(const std::optional<Value>& v)
{
    CPPUNIT_ASSERT_MESSAGE("function failed", v.has_value());
    return v->toString();
}

std::int64_t num(const std::optional<Value>& v)
{
    CPPUNIT_ASSERT_MESSAGE("function failed", v.has_value());
    return v->asInt();
}

std::string iso(const std::string& text)
{
    auto t = DateParser::parseAny(text);
    CPPUNIT_ASSERT_MESSAGE("unparsed: " + text, t.has_value());
    return DateParser::formatRfc3339(*t);
}

} // namespace

void FunctionsTest::testEmail()
{
    CPPUNIT_ASSERT_EQUAL(std::string("bob@bob.com"), str(call("email", {"Bob@Bob.com"})));
    CPPUNIT_ASSERT_EQUAL(std::string("bob@bob.com"), str(call("email", {"Bob <bob@bob.com>"})));
    CPPUNIT_ASSERT_EQUAL(std::string("test@test.com"), str(call("email", {"Test <TEST@test.com>"})));
    CPPUNIT_ASSERT_EQUAL(std::string("jane.doe@example.com"),
                         str(call("email", {"Jane Doe <Jane.Doe@Example.COM>"})));
    CPPUNIT_ASSERT_EQUAL(std::string("bob@localhost"), str(call("email", {"  bob@localhost "})));
    CPPUNIT_ASSERT_EQUAL(std::string("a@b.com"), str(call("email", {"\"Doe, Jane\" <A@B.com>"})));
    CPPUNIT_ASSERT(!call("email", {"Bob <bob>"}));
    CPPUNIT_ASSERT(!call("email", {""}));
    CPPUNIT_ASSERT(!call("email", {Value()}));
    CPPUNIT_ASSERT(!call("email", {"bob@bob.com trailing"}));
    CPPUNIT_ASSERT(!call("email", {"Bob <bob@bob.com> x"}));
    CPPUNIT_ASSERT(!call("email", {".bob@bob.com"}));
    CPPUNIT_ASSERT(!call("email", {"bob..x@bob.com"}));
    CPPUNIT_ASSERT(!call("email", {"bob@bob.com."}));
    // A list uses only its first element.
    CPPUNIT_ASSERT_EQUAL(std::string("x@y.org"), str(call("email", {Value::List{"X@Y.org", "bad"}})));
    CPPUNIT_ASSERT(!call("email", {Value::List{"bad", "x@y.org"}}));
}

void FunctionsTest::testEmailDomain()
{
    CPPUNIT_ASSERT_EQUAL(std::string("gmail.com"), str(call("emaildomain", {"Bob<bob@gmail.com>"})));
    CPPUNIT_ASSERT_EQUAL(std::string("example.com"), str(call("emaildomain", {"JANE.DOE@EXAMPLE.com"})));
    CPPUNIT_ASSERT(!call("emaildomain", {"Bob <bob@good"}));
    CPPUNIT_ASSERT(!call("emaildomain", {""}));
    CPPUNIT_ASSERT_EQUAL(std::string("y.org"), str(call("emaildomain", {Value::List{"X@Y.org"}})));
}

void FunctionsTest::testSetMapCountValuect()
{
    auto s = call("set", {"email"});
    CPPUNIT_ASSERT(s && s->type() == Value::Type::List);
    CPPUNIT_ASSERT(s->asList() == Value::List{"email"});
    auto l = call("set", {Value::List{"b", "a", "", "b"}});
    CPPUNIT_ASSERT(l->asList() == (Value::List{"a", "b"}));
    CPPUNIT_ASSERT_EQUAL(std::string("12"), call("set", {Value(std::int64_t{12})})->asList().at(0));
    CPPUNIT_ASSERT(!call("set", {""}));
    CPPUNIT_ASSERT(!call("set", {Value()}));

    auto m = call("map", {"555", Value(1)});
    CPPUNIT_ASSERT(m && m->asMap().at("555") == Value(1));
    auto mt = call("map", {"email", *call("epochms", {})});
    CPPUNIT_ASSERT_EQUAL(kE2.ms, mt->asMap().at("email").asInt());
    CPPUNIT_ASSERT(!call("map", {"", "x"}));
    CPPUNIT_ASSERT(!call("map", {"k", ""}));
    CPPUNIT_ASSERT(!call("map", {Value(), Value(1)}));
    // An integer key is written in decimal.
    CPPUNIT_ASSERT(call("map", {Value(std::int64_t{7}), "v"})->asMap().count("7") == 1);

    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, num(call("count", {"open"})));
    CPPUNIT_ASSERT(!call("count", {Value()}));
    CPPUNIT_ASSERT(!call("count", {""}));

    auto v = call("valuect", {Value(std::int64_t{-1111484132157415711})});
    CPPUNIT_ASSERT(v->asMap().at("-1111484132157415711") == Value(1));
    CPPUNIT_ASSERT(call("valuect", {Value(std::int64_t{9})})->asMap().count("9") == 1);
    CPPUNIT_ASSERT(!call("valuect", {Value()}));
}

void FunctionsTest::testSipHashReference()
{
    // Reference vector of the SipHash paper: key 00..0f, empty message.
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0x726fdb47dd0e0e31ULL},
                         SipHash::hash24(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL, ""));
    // Key 00..0f, message 00..0e (15 bytes) -> a129ca6149be45e5.
    std::string msg;
    for (int i = 0; i < 15; ++i) msg += static_cast<char>(i);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0xa129ca6149be45e5ULL},
                         SipHash::hash24(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL, msg));
}

void FunctionsTest::testHashVectors()
{
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-1913777820508603599},
                         num(call("hash", {"This is a string being used as an example"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5673948842516703987}, num(call("hash.sip", {"http://www.google.com?q=123"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4903078846009498015}, num(call("hash", {"http://go.gl"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2927709301837579743}, num(call("hash", {"www.example.com/promo"})));
    CPPUNIT_ASSERT(!call("hash", {""}));
    CPPUNIT_ASSERT(!call("hash", {Value(std::int64_t{5})}));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4903078846009498015}, num(call("hash", {Value::List{"http://go.gl", "x"}})));
    CPPUNIT_ASSERT_EQUAL(std::string("900150983cd24fb0d6963f7d28e17f72"), str(call("hash.md5", {"abc"})));
}

void FunctionsTest::testUrlMain()
{
    CPPUNIT_ASSERT_EQUAL(std::string("www.Google.com/search"),
                         str(call("urlmain", {"http://www.Google.com/search?q1=golang&q2=github"})));
    CPPUNIT_ASSERT_EQUAL(std::string("www.Google.com/"), str(call("urlmain", {"www.Google.com/?q=golang"})));
    CPPUNIT_ASSERT_EQUAL(
        std::string("subdomain.domain.tld/path/extended_path"),
        str(call("urlmain", {"https://subdomain.domain.tld/path/extended_path?qsparam=p1&qsp2=param2"})));
    CPPUNIT_ASSERT(!call("urlmain", {"http://192.168.0.%31:8080/"}));
    CPPUNIT_ASSERT_EQUAL(std::string("www.example.com"), str(call("urlmain", {"https://www.example.com"})));
    CPPUNIT_ASSERT_EQUAL(std::string("www.example.com/promo"),
                         str(call("urlmain", {"https://www.example.com/promo?utm_source=postup"})));
    // Port kept, userinfo and fragment dropped, path percent-decoded, '+' kept.
    CPPUNIT_ASSERT_EQUAL(std::string("h.com:8080/a b+c"),
                         str(call("urlmain", {"http://user:pw@h.com:8080/a%20b+c#frag"})));
    // Go quirk: "www.x.com:8080/p" parses as scheme "www.x.com" + opaque part.
    CPPUNIT_ASSERT(!call("urlmain", {"www.x.com:8080/p"}));
    CPPUNIT_ASSERT(!call("urlmain", {"mailto:bob@x.com"}));
    CPPUNIT_ASSERT(!call("urlmain", {"http://h.com/%zz"}));
    CPPUNIT_ASSERT(!call("urlmain", {""}));
}

void FunctionsTest::testEpochMsAndNow()
{
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1731748527000}, num(call("epochms", {})));
    auto n = call("now", {});
    CPPUNIT_ASSERT(n && n->type() == Value::Type::Time && n->asTime().ms == kE2.ms);
}

void FunctionsTest::testHourOfDay()
{
    CPPUNIT_ASSERT_EQUAL(std::int64_t{16}, num(call("hourofday", {"Apr 7, 2014 4:58:55 PM"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, num(call("hourofday", {"2024-11-15T00:00:00Z"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{9}, num(call("hourofday", {})));
    // UTC: 08:55 at -07:00 is 15h.
    CPPUNIT_ASSERT_EQUAL(std::int64_t{15}, num(call("hourofday", {"2020-07-15T08:55:43.041-07:00"})));
    CPPUNIT_ASSERT(!call("hourofday", {"not a date"}));
}

void FunctionsTest::testHourOfWeek()
{
    CPPUNIT_ASSERT_EQUAL(std::int64_t{40}, num(call("hourofweek", {"Apr 7, 2014 4:58:55 PM"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{120}, num(call("hourofweek", {"2024-11-15T00:00:00Z"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{87}, num(call("hourofweek", {"2020-07-15 15:55:00"})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{153}, num(call("hourofweek", {})));                          // §10 E2
    CPPUNIT_ASSERT_EQUAL(std::int64_t{41}, num(call("hourofweek", {}, TimeMs{1731951730000})));    // §10 E3
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, num(call("hourofweek", {"2024-11-17T00:30:00Z"})));      // Sunday
    CPPUNIT_ASSERT_EQUAL(std::int64_t{167}, num(call("hourofweek", {"2024-11-16T23:59:59Z"})));    // Saturday
    CPPUNIT_ASSERT(!call("hourofweek", {"garbage"}));
}

void FunctionsTest::testYymmAndMonth()
{
    CPPUNIT_ASSERT_EQUAL(std::string("1410"), str(call("yymm", {"10/13/2014"})));
    CPPUNIT_ASSERT_EQUAL(std::string("0601"), str(call("yymm", {"01/02/2006"})));
    CPPUNIT_ASSERT_EQUAL(std::string("2411"), str(call("yymm", {"2024-11-15"})));
    CPPUNIT_ASSERT_EQUAL(std::string("1705"), str(call("yymm", {"May 3, 2017"})));
    CPPUNIT_ASSERT_EQUAL(std::string("2411"), str(call("yymm", {})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5}, num(call("mm", {"2024-05-18"})));
}

void FunctionsTest::testDateParser()
{
    CPPUNIT_ASSERT_EQUAL(std::string("2023-05-01T10:00:00.000Z"), iso("2023-05-01 10:00:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2023-05-01T00:00:00.000Z"), iso("05/01/2023"));
    CPPUNIT_ASSERT_EQUAL(std::string("2014-04-07T00:00:00.000Z"), iso("4/7/14"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-15T00:00:00.000Z"), iso("2024-11-15"));
    CPPUNIT_ASSERT_EQUAL(std::string("2020-07-15T15:55:43.041Z"), iso("2020-07-15T08:55:43.041-07:00"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T09:15:27.000Z"), iso("2024-11-16T09:15:27Z"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T09:15:27.123Z"), iso("2024-11-16 09:15:27.123456"));
    CPPUNIT_ASSERT_EQUAL(std::string("2014-04-07T16:58:55.000Z"), iso("Apr 7, 2014 4:58:55 PM"));
    CPPUNIT_ASSERT_EQUAL(std::string("2006-01-02T22:04:05.000Z"), iso("Mon, 02 Jan 2006 15:04:05 MST"));
    CPPUNIT_ASSERT_EQUAL(std::string("2006-01-02T15:04:05.000Z"), iso("Mon, 02 Jan 2006 15:04:05 GMT"));
    CPPUNIT_ASSERT_EQUAL(std::string("2006-01-02T15:04:05.000Z"), iso("Mon Jan  2 15:04:05 2006"));
    CPPUNIT_ASSERT_EQUAL(std::string("2006-01-02T00:00:00.000Z"), iso("January 2, 2006"));
    CPPUNIT_ASSERT_EQUAL(std::string("2014-04-07T22:05:00.000Z"), iso("4/7/2014 22:05"));
    // All-digit strings by length.
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T09:15:27.000Z"), iso("1731748527000"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T09:15:27.000Z"), iso("1731748527"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T09:15:27.000Z"), iso("1731748527000000"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T09:15:27.000Z"), iso("1731748527000000000"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T09:15:27.000Z"), iso("20241116091527"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T00:00:00.000Z"), iso("20241116"));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-01-01T00:00:00.000Z"), iso("2024"));
    CPPUNIT_ASSERT(!DateParser::parseAny(""));
    CPPUNIT_ASSERT(!DateParser::parseAny("hello"));
    CPPUNIT_ASSERT(!DateParser::parseAny("2023-02-30"));
    CPPUNIT_ASSERT(!DateParser::parseAny("13/01/2023"));
    CPPUNIT_ASSERT(!DateParser::parseAny("12345"));
    CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31T23:59:59.999Z"), DateParser::formatRfc3339(TimeMs{-1}));
    CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31T00:00:00.000Z"), DateParser::formatRfc3339(TimeMs{-86400000}));
    // The int64 limits format (a stored time may be anything): the old floor
    // division negated INT64_MIN (found by UBSan through the profile codec test).
    CPPUNIT_ASSERT_EQUAL(std::string("-292275055-05-16T16:47:04.192Z"), DateParser::formatRfc3339(TimeMs{INT64_MIN}));
    CPPUNIT_ASSERT_EQUAL(std::string("292278994-08-17T07:12:55.807Z"), DateParser::formatRfc3339(TimeMs{INT64_MAX}));
}

void FunctionsTest::testToIntRefusesNumbersBeyondInt64() {
    // Casting such a double to int64 is undefined behaviour; found reading the parser fuzz finds' neighbours.
    CPPUNIT_ASSERT(!call("toint", {Value(1e300)}));
    CPPUNIT_ASSERT(!call("toint", {Value("1e19")}));
    CPPUNIT_ASSERT(!call("toint", {Value(-9.3e18)}));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-42}, num(call("toint", {Value(-42.9)})));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4611686018427387904}, num(call("toint", {Value("4.611686018427387904e18")})));
}

// Found by fuzz/date_parser: every all-digit string was summed into an
// int64 before its length was looked at (signed overflow, UB).
void FunctionsTest::testDateParserRefusesDigitStringsBeyondInt64() {
    CPPUNIT_ASSERT(!DateParser::parseAny("9999999999999999999"));             // 19 digits > INT64_MAX
    CPPUNIT_ASSERT(!DateParser::parseAny(std::string(60, '7')));
    CPPUNIT_ASSERT(!DateParser::parseAny("12387080732000000000000000000000000"));
    auto largest = DateParser::parseAny("9223372036854775807");                 // INT64_MAX nanoseconds
    CPPUNIT_ASSERT(largest);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{9223372036854}, largest->ms);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1732000000123}, DateParser::parseAny("1732000000123")->ms);
}

void FunctionsTest::testDateMath()
{
    TimeMs now{1731748527000};
    CPPUNIT_ASSERT_EQUAL(std::string("2024-10-17T09:15:27.000Z"),
                         DateParser::formatRfc3339(*DateParser::parseDateMath("now-30d", now)));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-16T11:00:27.000Z"),
                         DateParser::formatRfc3339(*DateParser::parseDateMath("now+2h-15m", now)));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-09T09:15:27.000Z"),
                         DateParser::formatRfc3339(*DateParser::parseDateMath("now-1w", now)));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-08-16T09:15:27.000Z"),
                         DateParser::formatRfc3339(*DateParser::parseDateMath("now-3M", now)));
    CPPUNIT_ASSERT_EQUAL(std::string("2023-11-16T09:15:27.000Z"),
                         DateParser::formatRfc3339(*DateParser::parseDateMath("now-1y", now)));
    CPPUNIT_ASSERT_EQUAL(now.ms, DateParser::parseDateMath("now", now)->ms);
    CPPUNIT_ASSERT(!DateParser::parseDateMath("now-3x", now));
    CPPUNIT_ASSERT(!DateParser::parseDateMath("later", now));
    // Found by fuzz/date_parser: the amount and each step overflowed int64 (UB);
    // now results outside years 0000-9999 are no date.
    CPPUNIT_ASSERT(!DateParser::parseDateMath("now-" + std::string(40, '8') + "y", now));
    CPPUNIT_ASSERT(!DateParser::parseDateMath("now+9223372036854775807s", now));
    CPPUNIT_ASSERT(!DateParser::parseDateMath("now+9223372036854775807M", now));
    CPPUNIT_ASSERT(!DateParser::parseDateMath("now-100000y", now));
    CPPUNIT_ASSERT(!DateParser::parseDateMath("now+3000000000000d", now));
    CPPUNIT_ASSERT_EQUAL(std::string("0024-11-16T09:15:27.000Z"), DateParser::formatRfc3339(*DateParser::parseDateMath("now-2000y", now)));
    // todate("now-1d") in a mapping is relative to the message time.
    CPPUNIT_ASSERT_EQUAL(now.ms - 86400000, call("todate", {"now-1d"})->asTime().ms);
}

void FunctionsTest::testTodateLayout()
{
    auto t = call("todate", {"02/01/2006", "15/11/2024"});
    CPPUNIT_ASSERT(t.has_value());
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-15T00:00:00.000Z"), DateParser::formatRfc3339(t->asTime()));
    auto t2 = call("todate", {"2006-01-02 15:04:05.000 -0700", "2024-11-15 08:30:00.250 -0200"});
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-15T10:30:00.250Z"), DateParser::formatRfc3339(t2->asTime()));
    auto t3 = call("todate", {"Jan 2, 2006 3:04 PM", "Apr 7, 2014 4:58 PM"});
    CPPUNIT_ASSERT_EQUAL(std::string("2014-04-07T16:58:00.000Z"), DateParser::formatRfc3339(t3->asTime()));
    CPPUNIT_ASSERT(!call("todate", {"02/01/2006", "2024-11-15"}));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-15T00:00:00.000Z"),
                         DateParser::formatRfc3339(call("todate", {"2024-11-15"})->asTime()));
}

void FunctionsTest::testGoFloatFormat()
{
    CPPUNIT_ASSERT_EQUAL(std::string("1.5"), formatGoFloat(1.5));
    CPPUNIT_ASSERT_EQUAL(std::string("100000"), formatGoFloat(100000.0));
    CPPUNIT_ASSERT_EQUAL(std::string("1e+06"), formatGoFloat(1e6));
    CPPUNIT_ASSERT_EQUAL(std::string("1.234567e+06"), formatGoFloat(1234567.0));
    CPPUNIT_ASSERT_EQUAL(std::string("1e+21"), formatGoFloat(1e21));
    CPPUNIT_ASSERT_EQUAL(std::string("0.0001"), formatGoFloat(0.0001));
    CPPUNIT_ASSERT_EQUAL(std::string("1e-05"), formatGoFloat(0.00001));
    CPPUNIT_ASSERT_EQUAL(std::string("-2.25"), formatGoFloat(-2.25));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), formatGoFloat(0.0));
}
