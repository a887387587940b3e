// MembershipEngineTest.cpp — jobhost audiences tests: the pure membership rules.
// SPDX-License-Identifier: Apache-2.0
#include "MembershipEngineTest.h"

#include "audiences/MembershipEngine.h"
#include "lql/ParseException.h"

using namespace jobhost::host::audiences;
using namespace jobhost::host::lql;
using namespace jobhost::host::profiles;

namespace {

const TimeMs kNow{1731748527000}; // 2024-11-16T09:15:27Z

Profile profileWith(std::int64_t opens, bool email, TimeMs lastOpen = TimeMs{})
{
    Profile p;
    if (opens) p.apply(Contribution{"pu_open_ct", FieldKind::Int, MergeOp::Count, Value(std::int64_t{opens}), kNow});
    if (email) p.apply(Contribution{"email", FieldKind::String, MergeOp::Latest, Value(std::string("a@b.c")), kNow});
    if (lastOpen.ms) p.apply(Contribution{"pu_last_open_ts", FieldKind::Date, MergeOp::Latest, Value(lastOpen), lastOpen});
    return p;
}

MembershipEngine engine()
{
    return MembershipEngine({Audience::compile("pu_openers", "Openers", "FILTER AND (pu_open_ct >= 1, EXISTS email)"),
                             Audience::compile("no_email", "No email", "FILTER NOT EXISTS email"),
                             Audience::compile("recent", "Recent", "FILTER pu_last_open_ts > \"now-1d\"")});
}

} // namespace

void MembershipEngineTest::testDiff()
{
    auto changes = MembershipEngine::diff(7, {"a", "b"}, {"b", "c"}, kNow);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, changes.size());
    CPPUNIT_ASSERT(changes[0] == (MembershipChange{"a", 7, MembershipChange::Kind::Exit, kNow}));
    CPPUNIT_ASSERT(changes[1] == (MembershipChange{"c", 7, MembershipChange::Kind::Enter, kNow}));
    CPPUNIT_ASSERT(MembershipEngine::diff(7, {"a"}, {"a"}, kNow).empty());
}

void MembershipEngineTest::testTransition()
{
    MembershipEngine e = engine();
    // §10 E1: no opens yet → only "no_email"? No: email exists → nothing.
    CPPUNIT_ASSERT(e.evaluate(profileWith(0, true), kNow).empty());
    auto changes = e.transition(1, {}, profileWith(1, true), kNow);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, changes.size());
    CPPUNIT_ASSERT_EQUAL(std::string("pu_openers"), changes[0].audience);
    CPPUNIT_ASSERT(changes[0].kind == MembershipChange::Kind::Enter);
    // A slug no longer defined is reported as an exit.
    changes = e.transition(1, {"pu_openers", "gone"}, profileWith(1, true), kNow);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, changes.size());
    CPPUNIT_ASSERT_EQUAL(std::string("gone"), changes[0].audience);
    CPPUNIT_ASSERT(changes[0].kind == MembershipChange::Kind::Exit);
}

void MembershipEngineTest::testMergeRule()
{
    // §10 stitch variant: U1 (email, no opens) and U2 (opens, no email):
    // neither is a member; the merged profile is → enter.
    MembershipEngine e = engine();
    Profile u1 = profileWith(0, true), u2 = profileWith(1, false);
    std::set<std::string> before;
    for (const auto& s : e.evaluate(u1, kNow)) before.insert(s);
    for (const auto& s : e.evaluate(u2, kNow)) before.insert(s);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, before.size()); // u2 is in no_email
    u1.merge(u2);
    auto changes = e.transition(1, before, u1, kNow);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, changes.size());
    CPPUNIT_ASSERT(changes[0] == (MembershipChange{"no_email", 1, MembershipChange::Kind::Exit, kNow}));
    CPPUNIT_ASSERT(changes[1] == (MembershipChange{"pu_openers", 1, MembershipChange::Kind::Enter, kNow}));
    // One pre-merge member and a member merged profile: nothing.
    CPPUNIT_ASSERT(e.transition(1, {"pu_openers"}, profileWith(2, true), kNow).empty());
}

void MembershipEngineTest::testTimeDependent()
{
    MembershipEngine e = engine();
    CPPUNIT_ASSERT(e.timeDependent() == std::vector<std::string>{"recent"});
    Profile p = profileWith(1, true, kNow);
    CPPUNIT_ASSERT(e.matches("recent", p, kNow));
    CPPUNIT_ASSERT(e.matches("recent", p, TimeMs{kNow.ms + 23 * 3600 * 1000}));
    CPPUNIT_ASSERT(!e.matches("recent", p, TimeMs{kNow.ms + 25 * 3600 * 1000}));
    CPPUNIT_ASSERT(!e.matches("unknown", p, kNow));
}

void MembershipEngineTest::testFieldsChanged()
{
    Profile a = profileWith(1, true), b = profileWith(2, true);
    CPPUNIT_ASSERT(MembershipEngine::fieldsChanged(&a, b, {"pu_open_ct"}));
    CPPUNIT_ASSERT(!MembershipEngine::fieldsChanged(&a, b, {"email"}));
    CPPUNIT_ASSERT(!MembershipEngine::fieldsChanged(&a, b, {}));
    CPPUNIT_ASSERT(MembershipEngine::fieldsChanged(nullptr, b, {"email"}));
    CPPUNIT_ASSERT(!MembershipEngine::fieldsChanged(nullptr, b, {"missing"}));
}

void MembershipEngineTest::testBadFilterNamesAudience()
{
    try {
        Audience::compile("broken", "Broken", "FILTER AND (pu_open_ct >= , EXISTS email)");
        CPPUNIT_FAIL("expected a ParseException");
    } catch (const ParseException& e) {
        CPPUNIT_ASSERT_EQUAL(std::string("audience broken"), e.file());
    }
    CPPUNIT_ASSERT_THROW(MembershipEngine({Audience::compile("x", "x", "FILTER *"), Audience::compile("x", "x", "FILTER *")}),
                         Poco::InvalidArgumentException);
}
