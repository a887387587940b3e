// ProfileTest.cpp — jobhost profiles tests: kinds, coercion and merge operators (§4, §5).
// SPDX-License-Identifier: Apache-2.0
#include "ProfileTest.h"

#include "lql/DateParser.h"
#include "profiles/Profile.h"
#include "profiles/ProfileCodec.h"
#include "profiles/ProfileException.h"
#include "profiles/ValueCoercion.h"

using namespace jobhost::host::lql;
using namespace jobhost::host::profiles;

namespace {

void put(Profile& p, const std::string& f, FieldKind k, MergeOp op, Value v, std::int64_t ts)
{
    p.apply(Contribution{f, k, op, std::move(v), TimeMs{ts}});
}

std::string coerced(const Value& v, FieldKind k)
{
    auto r = ValueCoercion::coerce(v, k, TimeMs{1731748527000});
    return r ? r->debugString() : "FAIL";
}

} // namespace

void ProfileTest::testDefaultMergeOps()
{
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::String, "") == MergeOp::Latest);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::Int, "") == MergeOp::Latest);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::Int, "count") == MergeOp::Count);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::Date, "") == MergeOp::Latest);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::Date, "max") == MergeOp::Max);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::StringSet, "set") == MergeOp::Merge);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::MapInt, "map") == MergeOp::Merge);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::MapIntSum, "valuect") == MergeOp::Sum);
    CPPUNIT_ASSERT(defaultMergeOp(FieldKind::MapTime, "map") == MergeOp::Merge);
    CPPUNIT_ASSERT(parseFieldKind("MAP[string]IntSum") == FieldKind::MapIntSum);
    CPPUNIT_ASSERT(!parseFieldKind("map[int]string"));
    CPPUNIT_ASSERT(parseMergeOp("LATEST") == MergeOp::Latest);
    CPPUNIT_ASSERT_EQUAL(std::string("map[string]time"), toString(FieldKind::MapTime));
}

void ProfileTest::testLatestUsesEventTime()
{
    Profile p;
    put(p, "s", FieldKind::String, MergeOp::Latest, Value("new"), 2000);
    put(p, "s", FieldKind::String, MergeOp::Latest, Value("late-old"), 1000); // older event arrives late
    CPPUNIT_ASSERT(p.get("s") == Value("new"));
    put(p, "s", FieldKind::String, MergeOp::Latest, Value("tie"), 2000); // tie: later-processed wins
    CPPUNIT_ASSERT(p.get("s") == Value("tie"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2000}, p.field("s")->updated().ms);
    // count: running sum regardless of order.
    put(p, "n", FieldKind::Int, MergeOp::Count, Value(1), 5);
    put(p, "n", FieldKind::Int, MergeOp::Count, Value(1), 1);
    CPPUNIT_ASSERT(p.get("n") == Value(2));
    // map[string]int keeps the latest per key (a flag), intsum adds.
    put(p, "m", FieldKind::MapInt, MergeOp::Merge, Value(Value::Map{{"555", Value(1)}}), 10);
    put(p, "m", FieldKind::MapInt, MergeOp::Merge, Value(Value::Map{{"555", Value(1)}}), 20);
    CPPUNIT_ASSERT_EQUAL(std::string("{\"555\":1}"), p.get("m").debugString());
    put(p, "c", FieldKind::MapIntSum, MergeOp::Sum, Value(Value::Map{{"9", Value(1)}}), 10);
    put(p, "c", FieldKind::MapIntSum, MergeOp::Sum, Value(Value::Map{{"9", Value(1)}, {"10", Value(1)}}), 5);
    CPPUNIT_ASSERT_EQUAL(std::string("{\"10\":1,\"9\":2}"), p.get("c").debugString());
    // map[string]time per-key latest by event time.
    put(p, "t", FieldKind::MapTime, MergeOp::Merge, Value(Value::Map{{"email", Value(TimeMs{300})}}), 300);
    put(p, "t", FieldKind::MapTime, MergeOp::Merge, Value(Value::Map{{"email", Value(TimeMs{100})}, {"sms", Value(TimeMs{100})}}), 100);
    CPPUNIT_ASSERT_EQUAL(std::string("{\"email\":time(300),\"sms\":time(100)}"), p.get("t").debugString());
}

void ProfileTest::testOldestMinMax()
{
    Profile p;
    put(p, "o", FieldKind::String, MergeOp::Oldest, Value("b"), 2000);
    put(p, "o", FieldKind::String, MergeOp::Oldest, Value("a"), 1000);
    put(p, "o", FieldKind::String, MergeOp::Oldest, Value("c"), 3000);
    CPPUNIT_ASSERT(p.get("o") == Value("a"));
    put(p, "mx", FieldKind::Date, MergeOp::Max, Value(TimeMs{500}), 1);
    put(p, "mx", FieldKind::Date, MergeOp::Max, Value(TimeMs{200}), 2);
    CPPUNIT_ASSERT(p.get("mx") == Value(TimeMs{500}));
    put(p, "mn", FieldKind::Number, MergeOp::Min, Value(2.5), 1);
    put(p, "mn", FieldKind::Number, MergeOp::Min, Value(-1.0), 2);
    put(p, "mn", FieldKind::Number, MergeOp::Min, Value(7.0), 3);
    CPPUNIT_ASSERT(p.get("mn") == Value(-1.0));
    put(p, "sm", FieldKind::Number, MergeOp::Sum, Value(1.5), 1);
    put(p, "sm", FieldKind::Number, MergeOp::Sum, Value(2.0), 2);
    CPPUNIT_ASSERT(p.get("sm") == Value(3.5));
    put(p, "mm", FieldKind::MapInt, MergeOp::MapMax, Value(Value::Map{{"k", Value(3)}}), 1);
    put(p, "mm", FieldKind::MapInt, MergeOp::MapMax, Value(Value::Map{{"k", Value(2)}}), 2);
    CPPUNIT_ASSERT_EQUAL(std::string("{\"k\":3}"), p.get("mm").debugString());
}

void ProfileTest::testSetsAndMaps()
{
    Profile p;
    // DOC-MAP set example: 3 events, 2 distinct values → 2 items, sorted.
    put(p, "s", FieldKind::StringSet, MergeOp::Merge, Value(Value::List{"b"}), 1);
    put(p, "s", FieldKind::StringSet, MergeOp::Merge, Value(Value::List{"a"}), 2);
    put(p, "s", FieldKind::StringSet, MergeOp::Merge, Value(Value::List{"b"}), 3);
    CPPUNIT_ASSERT_EQUAL(std::string("[\"a\",\"b\"]"), p.get("s").debugString());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, p.field("s")->entries().at("b").first.ms);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, p.field("s")->entries().at("b").last.ms);
    // latest on a set: the newest whole set replaces the old one.
    put(p, "ls", FieldKind::StringSet, MergeOp::Latest, Value(Value::List{"x", "y"}), 10);
    put(p, "ls", FieldKind::StringSet, MergeOp::Latest, Value(Value::List{"old"}), 5);
    put(p, "ls", FieldKind::StringSet, MergeOp::Latest, Value(Value::List{"z"}), 20);
    CPPUNIT_ASSERT_EQUAL(std::string("[\"z\"]"), p.get("ls").debugString());
    // latest on a map: whole map replaced.
    put(p, "lm", FieldKind::MapString, MergeOp::Latest, Value(Value::Map{{"a", Value("1")}}), 10);
    put(p, "lm", FieldKind::MapString, MergeOp::Latest, Value(Value::Map{{"b", Value("2")}}), 20);
    CPPUNIT_ASSERT_EQUAL(std::string("{\"b\":\"2\"}"), p.get("lm").debugString());
    // Missing / empty values are never stored.
    put(p, "e", FieldKind::String, MergeOp::Latest, Value(""), 1);
    CPPUNIT_ASSERT(!p.has("e") || p.field("e")->empty());
    CPPUNIT_ASSERT(p.get("nope").isNil());
    CPPUNIT_ASSERT(p.get("lm.b") == Value("2"));
    CPPUNIT_ASSERT(p.get("lm.zz").isNil());
}

void ProfileTest::testProfileMerge()
{
    Profile a, b;
    put(a, "email", FieldKind::String, MergeOp::Latest, Value("a@x.com"), 100);
    put(b, "email", FieldKind::String, MergeOp::Latest, Value("b@x.com"), 200);
    put(a, "opens", FieldKind::Int, MergeOp::Count, Value(2), 100);
    put(b, "opens", FieldKind::Int, MergeOp::Count, Value(3), 50);
    put(a, "hours", FieldKind::MapIntSum, MergeOp::Sum, Value(Value::Map{{"9", Value(1)}}), 100);
    put(b, "hours", FieldKind::MapIntSum, MergeOp::Sum, Value(Value::Map{{"9", Value(2)}, {"3", Value(1)}}), 50);
    put(a, "flags", FieldKind::MapInt, MergeOp::Merge, Value(Value::Map{{"c", Value(1)}}), 300);
    put(b, "flags", FieldKind::MapInt, MergeOp::Merge, Value(Value::Map{{"c", Value(5)}, {"d", Value(1)}}), 50);
    put(a, "tags", FieldKind::StringSet, MergeOp::Merge, Value(Value::List{"x"}), 100);
    put(b, "tags", FieldKind::StringSet, MergeOp::Merge, Value(Value::List{"y", "x"}), 50);
    put(b, "only_b", FieldKind::String, MergeOp::Latest, Value("kept"), 1);
    Profile m = a;
    m.merge(b);
    CPPUNIT_ASSERT(m.get("email") == Value("b@x.com")); // newer timestamp
    CPPUNIT_ASSERT(m.get("opens") == Value(5));         // counts add once
    CPPUNIT_ASSERT_EQUAL(std::string("{\"3\":1,\"9\":3}"), m.get("hours").debugString());
    CPPUNIT_ASSERT_EQUAL(std::string("{\"c\":1,\"d\":1}"), m.get("flags").debugString()); // per-key latest
    CPPUNIT_ASSERT_EQUAL(std::string("[\"x\",\"y\"]"), m.get("tags").debugString());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{50}, m.field("tags")->entries().at("x").first.ms);
    CPPUNIT_ASSERT(m.get("only_b") == Value("kept"));
    // Merging in the other direction gives the same values.
    Profile n = b;
    n.merge(a);
    CPPUNIT_ASSERT_EQUAL(m.toPlainJson(), n.toPlainJson());
}

void ProfileTest::testCoercion()
{
    CPPUNIT_ASSERT_EQUAL(std::string("\"12\""), coerced(Value(12), FieldKind::String));
    CPPUNIT_ASSERT_EQUAL(std::string("\"1.5\""), coerced(Value(1.5), FieldKind::String));
    CPPUNIT_ASSERT_EQUAL(std::string("\"2024-11-16T09:15:27.000Z\""), coerced(Value(TimeMs{1731748527000}), FieldKind::String));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), coerced(Value("1.7"), FieldKind::Int));
    CPPUNIT_ASSERT_EQUAL(std::string("-3"), coerced(Value(-3.9), FieldKind::Int));
    CPPUNIT_ASSERT_EQUAL(std::string("FAIL"), coerced(Value("abc"), FieldKind::Int));
    CPPUNIT_ASSERT_EQUAL(std::string("1234.5"), coerced(Value("$1,234.50"), FieldKind::Number));
    CPPUNIT_ASSERT_EQUAL(std::string("12"), coerced(Value("€ 12"), FieldKind::Number));
    CPPUNIT_ASSERT_EQUAL(std::string("true"), coerced(Value("true"), FieldKind::Bool));
    CPPUNIT_ASSERT_EQUAL(std::string("time(1731748527000)"), coerced(Value(std::int64_t{1731748527000}), FieldKind::Date));
    CPPUNIT_ASSERT_EQUAL(std::string("time(1731748527000)"), coerced(Value(std::int64_t{1731748527}), FieldKind::Date));
    CPPUNIT_ASSERT_EQUAL(std::string("time(1731662127000)"), coerced(Value("now-1d"), FieldKind::Date));
    CPPUNIT_ASSERT_EQUAL(std::string("FAIL"), coerced(Value("garbage"), FieldKind::Date));
    CPPUNIT_ASSERT_EQUAL(std::string("[\"7\"]"), coerced(Value(7), FieldKind::StringSet));
    CPPUNIT_ASSERT_EQUAL(std::string("{\"a\":1}"),
                         coerced(Value(Value::Map{{"a", Value("1")}, {"b", Value("x")}}), FieldKind::MapInt));
    CPPUNIT_ASSERT_EQUAL(std::string("{\"e\":time(1731748527000)}"),
                         coerced(Value(Value::Map{{"e", Value(std::int64_t{1731748527000})}}), FieldKind::MapTime));
    CPPUNIT_ASSERT_EQUAL(std::string("FAIL"), coerced(Value("x"), FieldKind::MapInt));
}

void ProfileTest::testJsonRoundTrip()
{
    Profile p;
    put(p, "s", FieldKind::String, MergeOp::Latest, Value("a \"quoted\" / value\n"), 1);
    put(p, "i", FieldKind::Int, MergeOp::Count, Value(std::int64_t{-9007199254740993}), 2);
    put(p, "f", FieldKind::Number, MergeOp::Latest, Value(2.0), 3);
    put(p, "b", FieldKind::Bool, MergeOp::Latest, Value(false), 4);
    put(p, "d", FieldKind::Date, MergeOp::Max, Value(TimeMs{1731748527123}), 5);
    put(p, "set", FieldKind::StringSet, MergeOp::Merge, Value(Value::List{"é", "a"}), 6);
    put(p, "mt", FieldKind::MapTime, MergeOp::Merge, Value(Value::Map{{"k", Value(TimeMs{7})}}), 7);
    put(p, "h", FieldKind::Int, MergeOp::Latest, Value(std::int64_t{2927709301837579743}), 2);
    put(p, "mv", FieldKind::MapValue, MergeOp::Merge, Value(Value::Map{{"x", Value(1.25)}, {"y", Value("s")}}), 8);
    Profile q = Profile::fromJson(p.toJson());
    CPPUNIT_ASSERT_EQUAL(p.toJson(), q.toJson());
    CPPUNIT_ASSERT(q.get("f") == Value(2.0));
    CPPUNIT_ASSERT(q.get("i") == Value(std::int64_t{-9007199254740993}));
    CPPUNIT_ASSERT(q.get("d") == Value(TimeMs{1731748527123}));
    CPPUNIT_ASSERT(q.get("h") == Value(std::int64_t{2927709301837579743}));
    CPPUNIT_ASSERT(q.field("d")->mergeOp() == MergeOp::Max);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{8}, q.updated().ms);
    CPPUNIT_ASSERT_THROW(Profile::fromJson("{not json"), ProfileException);
    CPPUNIT_ASSERT_THROW(Profile::fromJson(R"({"fields": {"x": {"kind": "nope", "op": "latest", "ts": 0, "updated": 0}}})"),
                         ProfileException);
    CPPUNIT_ASSERT_EQUAL(std::string("{}"), Profile().toPlainJson());
}

namespace {
// A profile with every value type, negative and big integers, times far from
// and before the field's update time, sets, nested maps and empty fields.
Profile richProfile()
{
    Profile p;
    put(p, "s", FieldKind::String, MergeOp::Latest, Value(std::string("a \"quoted\"\0nul / value\n", 24)), 1);
    put(p, "i", FieldKind::Int, MergeOp::Count, Value(std::int64_t{-9007199254740993}), 2);
    put(p, "f", FieldKind::Number, MergeOp::Latest, Value(2.0), 3);
    put(p, "g", FieldKind::Number, MergeOp::Latest, Value(-0.1), 3);
    put(p, "b", FieldKind::Bool, MergeOp::Latest, Value(false), 4);
    put(p, "d", FieldKind::Date, MergeOp::Max, Value(TimeMs{1731748527123}), 5);
    put(p, "old", FieldKind::Date, MergeOp::Min, Value(TimeMs{-86400000}), 1731748527123);
    put(p, "set", FieldKind::StringSet, MergeOp::Merge, Value(Value::List{"é", "a"}), 6);
    put(p, "mt", FieldKind::MapTime, MergeOp::Merge, Value(Value::Map{{"k", Value(TimeMs{7})}}), 7);
    put(p, "h", FieldKind::Int, MergeOp::Latest, Value(std::int64_t{INT64_MIN}), 2);
    put(p, "mv", FieldKind::MapValue, MergeOp::Merge,
        Value(Value::Map{{"x", Value(1.25)}, {"y", Value("s")}, {"z", Value(Value::Map{{"n", Value(true)}})}}), 8);
    put(p, "hourly", FieldKind::MapIntSum, MergeOp::Sum, Value(Value::Map{{"13", Value(std::int64_t{3})}}), 9);
    // Times as far apart as int64 allows: their difference wraps, exactly.
    put(p, "edge", FieldKind::Date, MergeOp::Latest, Value(TimeMs{INT64_MIN}), INT64_MAX);
    return p;
}
} // namespace

void ProfileTest::testCodecRoundTrip()
{
    const Profile p = richProfile();
    const std::string bytes = ProfileCodec::encode(p);
    const Profile q = ProfileCodec::decode(bytes);
    CPPUNIT_ASSERT_EQUAL(p.toJson(), q.toJson());
    CPPUNIT_ASSERT(ProfileCodec::encode(q) == bytes); // byte-identical after a round trip
    CPPUNIT_ASSERT(q.get("s") == p.get("s"));         // embedded NUL kept
    CPPUNIT_ASSERT(q.get("f") == Value(2.0));         // a whole number stays a number
    CPPUNIT_ASSERT(q.get("g") == Value(-0.1));
    CPPUNIT_ASSERT(q.get("h") == Value(std::int64_t{INT64_MIN}));
    CPPUNIT_ASSERT(q.get("old") == Value(TimeMs{-86400000}));
    CPPUNIT_ASSERT(q.field("old")->updated() == TimeMs{1731748527123});
    CPPUNIT_ASSERT(q.get("edge") == Value(TimeMs{INT64_MIN}));
    CPPUNIT_ASSERT(q.field("edge")->updated() == TimeMs{INT64_MAX});
    CPPUNIT_ASSERT(q.field("d")->mergeOp() == MergeOp::Max);
    CPPUNIT_ASSERT(q.field("hourly")->kind() == FieldKind::MapIntSum);
    CPPUNIT_ASSERT_EQUAL(p.toPlainJson(), q.toPlainJson());
    // Smaller than the JSON text it replaces.
    CPPUNIT_ASSERT(bytes.size() * 2 < p.toJson().size());
    // The empty profile, and stores written before the binary form (JSON text).
    CPPUNIT_ASSERT_EQUAL(std::string("{\"fields\": {}}"), ProfileCodec::decode(ProfileCodec::encode(Profile())).toJson());
    CPPUNIT_ASSERT_EQUAL(p.toJson(), ProfileCodec::decode(p.toJson()).toJson());
}

void ProfileTest::testCodecRejectsDamage()
{
    const std::string bytes = ProfileCodec::encode(richProfile());
    // Every truncation is refused with a ProfileException (never a crash or a
    // silently shorter profile).
    for (std::size_t n = 0; n < bytes.size(); ++n)
        CPPUNIT_ASSERT_THROW_MESSAGE("prefix " + std::to_string(n), ProfileCodec::decode(bytes.substr(0, n)), ProfileException);
    CPPUNIT_ASSERT_THROW(ProfileCodec::decode(bytes + "x"), ProfileException);
    std::string version = bytes;
    version[0] = 2;
    CPPUNIT_ASSERT_THROW(ProfileCodec::decode(version), ProfileException);
    // A count far beyond the data.
    CPPUNIT_ASSERT_THROW(ProfileCodec::decode(std::string("\x01\xff\xff\xff\xff\x0f", 6)), ProfileException);
    // An unknown kind byte in the first field ("a", kind 200).
    CPPUNIT_ASSERT_THROW(ProfileCodec::decode(std::string("\x01\x01\x01" "a" "\xc8\x00\x00\x00\x00\x00", 10)), ProfileException);
}
