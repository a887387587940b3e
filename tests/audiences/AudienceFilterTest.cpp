// AudienceFilterTest.cpp — jobhost profiles tests: FilterQL truth tables of §8.2 and guard semantics of §2.3.
// SPDX-License-Identifier: Apache-2.0
#include "AudienceFilterTest.h"

#include "audiences/AudienceFilter.h"
#include "lql/DateParser.h"
#include "lql/Evaluator.h"
#include "lql/FieldSource.h"
#include "lql/Parser.h"

using namespace jobhost::host::lql;
using namespace jobhost::host::audiences;
using namespace jobhost::host::profiles;

namespace {

const TimeMs kNow{1731748527000}; // 2024-11-16T09:15:27Z
Profile gProfile;

void put(Profile& p, const std::string& field, FieldKind kind, Value v, TimeMs ts = kNow)
{
    p.apply(Contribution{field, kind, defaultMergeOp(kind, ""), std::move(v), ts});
}

bool match(const std::string& filter, TimeMs now = kNow)
{
    return AudienceFilter(filter).matches(gProfile, now);
}

std::optional<Value> evalFilter(const std::string& filter)
{
    auto q = Parser::parseFilter(filter);
    struct Src : FieldSource {
        Value get(const std::string& n) const override { return gProfile.get(n); }
    } src;
    return Evaluator::evaluate(*q.filter, src, EvalClock::at(kNow));
}

} // namespace

void AudienceFilterTest::setUp()
{
    gProfile = Profile();
    put(gProfile, "email", FieldKind::String, Value("jane.doe@example.com"));
    put(gProfile, "visitct", FieldKind::Int, Value(std::int64_t{3}));
    put(gProfile, "score", FieldKind::Number, Value(2.5));
    put(gProfile, "vip", FieldKind::Bool, Value(true));
    put(gProfile, "pu_last_click_url", FieldKind::String, Value("www.example.com/promo"));
    put(gProfile, "channels", FieldKind::StringSet, Value(Value::List{"email", "mobile"}));
    put(gProfile, "pu_open_ct_by_campaign", FieldKind::MapInt, Value(Value::Map{{"555", Value(1)}, {"odd key", Value(2)}}));
    put(gProfile, "last_channel_activities", FieldKind::MapTime,
        Value(Value::Map{{"email", Value(TimeMs{kNow.ms - 2 * 3600000})}}));
    put(gProfile, "lastvisit_ts", FieldKind::Date, Value(TimeMs{kNow.ms - 3 * 86400000LL}));
}

void AudienceFilterTest::testMissingFields()
{
    // Missing field "nope": comparisons false, != true, NOT (f > n) true.
    CPPUNIT_ASSERT(!match("FILTER nope > 1"));
    CPPUNIT_ASSERT(!match("FILTER nope >= 1"));
    CPPUNIT_ASSERT(!match("FILTER nope < 1"));
    CPPUNIT_ASSERT(!match("FILTER nope <= 1"));
    CPPUNIT_ASSERT(!match("FILTER nope == \"x\""));
    CPPUNIT_ASSERT(match("FILTER nope != \"x\""));
    CPPUNIT_ASSERT(!match("FILTER nope IN (\"a\", \"b\")"));
    CPPUNIT_ASSERT(!match("FILTER nope INTERSECTS (\"a\")"));
    CPPUNIT_ASSERT(!match("FILTER nope CONTAINS \"a\""));
    CPPUNIT_ASSERT(!match("FILTER nope LIKE \"**\""));
    CPPUNIT_ASSERT(!match("FILTER EXISTS nope"));
    CPPUNIT_ASSERT(match("FILTER NOT EXISTS nope"));
    CPPUNIT_ASSERT(match("FILTER NOT (nope > 1)"));
    CPPUNIT_ASSERT(match("FILTER EXISTS email"));
    CPPUNIT_ASSERT(!match("FILTER NOT EXISTS email"));
    // Results are ok (a value), not errors.
    auto v = evalFilter("nope > 1");
    CPPUNIT_ASSERT(v && *v == Value(false));
}

void AudienceFilterTest::testLogicOkRules()
{
    // email(nope) fails → not ok. AND with a not-ok child does not match (even with NOT around it);
    // OR skips it; NOT of not-ok is not ok.
    CPPUNIT_ASSERT(!evalFilter("email(nope) == \"x\"").has_value());
    CPPUNIT_ASSERT(!match("FILTER AND (EXISTS email, email(nope) == \"x\")"));
    CPPUNIT_ASSERT(!match("FILTER NOT AND (EXISTS email, email(nope) == \"x\")"));
    CPPUNIT_ASSERT(match("FILTER OR (email(nope) == \"x\", EXISTS email)"));
    CPPUNIT_ASSERT(!match("FILTER NOT (email(nope) == \"x\")"));
    CPPUNIT_ASSERT(!evalFilter("NOT (email(nope) == \"x\")").has_value());
    // AND short-circuits on the first false (before the not-ok child).
    auto v = evalFilter("AND (visitct > 100, email(nope) == \"x\")");
    CPPUNIT_ASSERT(v && *v == Value(false));
    CPPUNIT_ASSERT(match("FILTER *"));
    CPPUNIT_ASSERT(match("FILTER AND (pu_open_ct_by_campaign.`555` > 0, EXISTS email) FROM user ALIAS pu_openers"));
    CPPUNIT_ASSERT(match("FILTER AND (visitct > 1 OR(nope > 1, visitct > 2) EXISTS email)"));
}

void AudienceFilterTest::testNumbersAndStrings()
{
    CPPUNIT_ASSERT(match("FILTER visitct > 1"));
    CPPUNIT_ASSERT(match("FILTER visitct >= \"1\"")); // string literal parsed as a number
    CPPUNIT_ASSERT(match("FILTER visitct == 3"));
    CPPUNIT_ASSERT(match("FILTER visitct = 3.0"));  // int against float
    CPPUNIT_ASSERT(match("FILTER score > 2"));
    CPPUNIT_ASSERT(!match("FILTER score > \"abc\""));
    CPPUNIT_ASSERT(match("FILTER vip == true"));
    CPPUNIT_ASSERT(match("FILTER email == \"jane.doe@example.com\""));
    CPPUNIT_ASSERT(!match("FILTER email == \"Jane.Doe@example.com\"")); // case-sensitive
    CPPUNIT_ASSERT(match("FILTER email CONTAINS \"doe@\""));
    CPPUNIT_ASSERT(!match("FILTER email CONTAINS \"DOE\""));
    CPPUNIT_ASSERT(match("FILTER email IN (\"a@b.c\", \"jane.doe@example.com\")"));
    CPPUNIT_ASSERT(match("FILTER email NOT IN (\"a@b.c\")"));
    CPPUNIT_ASSERT(match("FILTER eq(visitct, \"3\")"));
    CPPUNIT_ASSERT(match("FILTER hasprefix(email, \"jane\")"));
}

void AudienceFilterTest::testLikeGlob()
{
    CPPUNIT_ASSERT(!match("FILTER pu_last_click_url LIKE \"*promo*\"")); // '*' does not cross '/'
    CPPUNIT_ASSERT(match("FILTER pu_last_click_url LIKE \"**promo*\""));
    CPPUNIT_ASSERT(match("FILTER pu_last_click_url LIKE \"*/promo\""));
    CPPUNIT_ASSERT(match("FILTER pu_last_click_url LIKE \"www.%/pro?o\"")); // % is *
    CPPUNIT_ASSERT(!match("FILTER pu_last_click_url LIKE \"www.example.com?promo\"")); // ? not '/'
    CPPUNIT_ASSERT(match("FILTER email LIKE \"*@example.com\""));
    CPPUNIT_ASSERT(!match("FILTER email LIKE \"*@EXAMPLE.com\""));
    CPPUNIT_ASSERT(!match("FILTER email LIKE \"jane\"")); // whole string must match
    CPPUNIT_ASSERT(match("FILTER email LIKE \"[a-j]ane*\""));
    CPPUNIT_ASSERT(!match("FILTER email LIKE \"[^j]ane*\""));
    CPPUNIT_ASSERT(match("FILTER email NOT LIKE \"bob*\""));
    CPPUNIT_ASSERT(Evaluator::globMatch("a\\*b", "a*b"));
    CPPUNIT_ASSERT(!Evaluator::globMatch("a\\*b", "axb"));
    CPPUNIT_ASSERT(Evaluator::globMatch("**", "a/b/c"));
    CPPUNIT_ASSERT(!Evaluator::globMatch("*", "a/b"));
}

void AudienceFilterTest::testSets()
{
    CPPUNIT_ASSERT(match("FILTER channels INTERSECTS (\"email\", \"x\")"));
    CPPUNIT_ASSERT(match("FILTER channels IN (\"mobile\")"));
    CPPUNIT_ASSERT(!match("FILTER channels IN (\"x\", \"y\")"));
    CPPUNIT_ASSERT(match("FILTER channels NOT INTERSECTS (\"x\")"));
    CPPUNIT_ASSERT(match("FILTER channels CONTAINS \"mob\"")); // any element contains
    CPPUNIT_ASSERT(match("FILTER channels LIKE \"e*\""));    // any element matches
    CPPUNIT_ASSERT(!match("FILTER channels == \"email\""));  // == against a set is always false
    CPPUNIT_ASSERT(match("FILTER EXISTS channels"));
}

void AudienceFilterTest::testMaps()
{
    CPPUNIT_ASSERT(match("FILTER pu_open_ct_by_campaign IN (\"555\", \"1\")")); // keys
    CPPUNIT_ASSERT(!match("FILTER pu_open_ct_by_campaign IN (\"1\")"));
    CPPUNIT_ASSERT(match("FILTER pu_open_ct_by_campaign INTERSECTS (\"555\")"));
    CPPUNIT_ASSERT(match("FILTER pu_open_ct_by_campaign.`555` > 0"));
    CPPUNIT_ASSERT(match("FILTER pu_open_ct_by_campaign.555 == 1"));
    CPPUNIT_ASSERT(match("FILTER pu_open_ct_by_campaign.`odd key` == 2"));
    CPPUNIT_ASSERT(!match("FILTER pu_open_ct_by_campaign.`556` > 0")); // missing key
    CPPUNIT_ASSERT(match("FILTER pu_open_ct_by_campaign.`556` != 1"));
    CPPUNIT_ASSERT(match("FILTER last_channel_activities.email > \"now-1d\""));
    CPPUNIT_ASSERT(!match("FILTER last_channel_activities.email < \"now-2h\"")); // exactly 2h ago: not <
    CPPUNIT_ASSERT(match("FILTER last_channel_activities.email <= \"now-2h\""));
}

void AudienceFilterTest::testDates()
{
    CPPUNIT_ASSERT(match("FILTER lastvisit_ts > \"now-1w\""));
    CPPUNIT_ASSERT(!match("FILTER lastvisit_ts > \"now-2d\""));
    CPPUNIT_ASSERT(match("FILTER lastvisit_ts < \"now-2d\""));
    CPPUNIT_ASSERT(match("FILTER lastvisit_ts > \"2024-11-01\""));
    CPPUNIT_ASSERT(match("FILTER lastvisit_ts < \"11/20/2024\""));
    // Relative dates use the injected now: a week later the same profile no longer matches.
    CPPUNIT_ASSERT(!match("FILTER lastvisit_ts > \"now-1w\"", TimeMs{kNow.ms + 7 * 86400000LL}));
    CPPUNIT_ASSERT(AudienceFilter("FILTER lastvisit_ts > \"now-1w\"").usesNow());
    CPPUNIT_ASSERT(!AudienceFilter("FILTER visitct > 1").usesNow());
    // Whole-second granularity: 400 ms apart in the same second compare equal.
    Profile p;
    put(p, "t", FieldKind::Date, Value(TimeMs{1731748527400}));
    CPPUNIT_ASSERT(AudienceFilter("FILTER t == \"2024-11-16T09:15:27Z\"").matches(p, kNow));
    CPPUNIT_ASSERT(!AudienceFilter("FILTER t > \"2024-11-16T09:15:27Z\"").matches(p, kNow));
    CPPUNIT_ASSERT(!match("FILTER lastvisit_ts > \"not a date\""));
}

void AudienceFilterTest::testBetweenExclusive()
{
    CPPUNIT_ASSERT(match("FILTER visitct BETWEEN 2 AND 4"));
    CPPUNIT_ASSERT(!match("FILTER visitct BETWEEN 3 AND 4"));
    CPPUNIT_ASSERT(!match("FILTER visitct BETWEEN 2 AND 3"));
    CPPUNIT_ASSERT(match("FILTER score BETWEEN 2.4 AND 2.6"));
    CPPUNIT_ASSERT(match("FILTER lastvisit_ts BETWEEN \"now-4d\" AND \"now-2d\""));
    CPPUNIT_ASSERT(!match("FILTER nope BETWEEN 1 AND 5"));
    CPPUNIT_ASSERT(match("FILTER visitct NOT BETWEEN 5 AND 9"));
}

void AudienceFilterTest::testGuardsOnRawEvents()
{
    auto guard = [](const std::string& expr, const std::map<std::string, std::string>& ev) {
        EventFieldSource src(ev);
        return Evaluator::isTrue(*Parser::parseExpression(expr), src, EvalClock::forEvent(kNow));
    };
    std::map<std::string, std::string> open = {{"event_type", "open"}, {"status", "unsubscribe"}, {"n", "5"}};
    CPPUNIT_ASSERT(guard("event_type == \"open\"", open));
    CPPUNIT_ASSERT(guard("event_type = \"open\"", open));
    CPPUNIT_ASSERT(!guard("event_type == \"Open\"", open));
    CPPUNIT_ASSERT(guard("eq(event_type, \"open\")", open));
    CPPUNIT_ASSERT(guard("event_type IN (\"open\",\"click\")", open));
    CPPUNIT_ASSERT(!guard("event_type NOT IN (\"open\",\"click\")", open));
    CPPUNIT_ASSERT(guard("(event_type == \"open\" AND status == \"unsubscribe\")", open));
    CPPUNIT_ASSERT(guard("event_type == \"x\" OR n > 4", open));
    CPPUNIT_ASSERT(guard("n >= 5 && !(n > 5)", open));
    CPPUNIT_ASSERT(guard("hassuffix(event_type, \"en\") and contains(status, \"sub\")", open));
    // Missing key: == false, != true, > false, EXISTS false.
    CPPUNIT_ASSERT(!guard("missing == \"x\"", open));
    CPPUNIT_ASSERT(guard("missing != \"x\"", open));
    CPPUNIT_ASSERT(!guard("missing > 1", open));
    CPPUNIT_ASSERT(!guard("EXISTS missing", open));
    CPPUNIT_ASSERT(!guard("exists(missing)", open));
    CPPUNIT_ASSERT(guard("not(exists(missing))", open));
    // Non-boolean guard values skip the column.
    CPPUNIT_ASSERT(!guard("event_type", open));
    CPPUNIT_ASSERT(!guard("n + 1", open));
}
