// IdentityResolverTest.cpp — jobhost profiles tests: stitching, conflicts and merges (§6.2).
// SPDX-License-Identifier: Apache-2.0
#include "IdentityResolverTest.h"

#include "profiles/IdentityResolver.h"
#include "profiles/InMemoryIdentityIndex.h"
#include "profiles/InMemoryProfileBuilder.h"
#include "profiles/ProfileException.h"

using namespace jobhost::host::profiles;

namespace {

const std::vector<std::string> kRank = {"email", "pu_id", "pu_ext_id"};
const std::set<std::string> kSingle = {"email", "pu_id", "pu_ext_id"};

IdentityKey email(const std::string& v) { return {"email", v}; }
IdentityKey puId(const std::string& v) { return {"pu_id", v}; }
IdentityKey ext(const std::string& v) { return {"pu_ext_id", v}; }

} // namespace

void IdentityResolverTest::testCreateAndReuse()
{
    InMemoryIdentityIndex index;
    IdentityResolver r(index);
    auto a = r.resolve({puId("1"), email("a@x.com")}, kRank, kSingle);
    CPPUNIT_ASSERT(a.created);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, a.attached.size());
    CPPUNIT_ASSERT(a.attached[0] == email("a@x.com")); // ranked order
    auto b = r.resolve({puId("1")}, kRank, kSingle);
    CPPUNIT_ASSERT(!b.created);
    CPPUNIT_ASSERT_EQUAL(a.profile, b.profile);
    CPPUNIT_ASSERT(b.attached.empty() && b.merged.empty());
    auto c = r.resolve({puId("2")}, kRank, kSingle);
    CPPUNIT_ASSERT(c.created && c.profile != a.profile);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, index.keyCount());
    // Repeating an event changes nothing.
    auto d = r.resolve({puId("1"), email("a@x.com")}, kRank, kSingle);
    CPPUNIT_ASSERT(!d.created && d.merged.empty() && d.attached.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, index.keyCount());
}

void IdentityResolverTest::testStitchMergesTransitively()
{
    InMemoryIdentityIndex index;
    IdentityResolver r(index);
    ProfileId p1 = r.resolve({puId("1")}, kRank, kSingle).profile;
    ProfileId p2 = r.resolve({ext("X")}, kRank, kSingle).profile;
    ProfileId p3 = r.resolve({email("a@x.com")}, kRank, kSingle).profile;
    // An event with pu_id 1 and ext X stitches P1 and P2 (P1 has the higher-ranked key).
    auto s = r.resolve({ext("X"), puId("1")}, kRank, kSingle);
    CPPUNIT_ASSERT_EQUAL(p1, s.profile);
    CPPUNIT_ASSERT(s.merged == std::vector<ProfileId>{p2});
    CPPUNIT_ASSERT_EQUAL(p1, index.canonical(p2));
    CPPUNIT_ASSERT_EQUAL(p1, *index.owner(ext("X")));
    // Then email + ext: the email owner P3 is the target and absorbs P1 (and so P2).
    auto t = r.resolve({ext("X"), email("a@x.com")}, kRank, kSingle);
    CPPUNIT_ASSERT_EQUAL(p3, t.profile);
    CPPUNIT_ASSERT(t.merged == std::vector<ProfileId>{p1});
    CPPUNIT_ASSERT_EQUAL(p3, index.canonical(p2));
    CPPUNIT_ASSERT_EQUAL(p3, *index.owner(puId("1")));
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, index.keysOf(p3).size());
    CPPUNIT_ASSERT(index.keysOf(p1).size() == 3); // follows canonical
}

void IdentityResolverTest::testConflictRule()
{
    // Two profiles with different emails; an event carrying email A and the
    // other's pu_id goes to A's profile; the stitch does not happen and the
    // pu_id stays with its owner.
    InMemoryIdentityIndex index;
    IdentityResolver r(index);
    ProfileId a = r.resolve({email("a@x.com")}, kRank, kSingle).profile;
    ProfileId b = r.resolve({email("b@x.com"), puId("7")}, kRank, kSingle).profile;
    auto res = r.resolve({puId("7"), email("a@x.com"), ext("E1")}, kRank, kSingle);
    CPPUNIT_ASSERT_EQUAL(a, res.profile);
    CPPUNIT_ASSERT(res.merged.empty());
    CPPUNIT_ASSERT(res.conflicting == std::vector<ProfileId>{b});
    CPPUNIT_ASSERT(res.conflictingKeys == std::vector<IdentityKey>{puId("7")});
    CPPUNIT_ASSERT(res.attached == std::vector<IdentityKey>{ext("E1")});
    CPPUNIT_ASSERT_EQUAL(b, *index.owner(puId("7")));
    CPPUNIT_ASSERT_EQUAL(a, *index.owner(ext("E1")));
    CPPUNIT_ASSERT(index.canonical(b) == b);

    // A key that is not single-valued (a set, e.g. cookies) does not conflict.
    InMemoryIdentityIndex index2;
    IdentityResolver r2(index2);
    std::vector<std::string> rank = {"cookie", "pu_id"};
    ProfileId c1 = r2.resolve({{"cookie", "c1"}}, rank, {"pu_id"}).profile;
    ProfileId c2 = r2.resolve({{"cookie", "c2"}}, rank, {"pu_id"}).profile;
    auto m = r2.resolve({{"cookie", "c1"}, {"cookie", "c2"}}, rank, {"pu_id"});
    CPPUNIT_ASSERT_EQUAL(c1, m.profile);
    CPPUNIT_ASSERT(m.merged == std::vector<ProfileId>{c2});
}

void IdentityResolverTest::testConflictWithEventKey()
{
    // P1 owns pu_id 1 (no email), P2 owns ext X and email A. An event with
    // email B, pu_id 1, ext X: target P1 (pu_id is the highest-ranked owned
    // key); P2 would bring a second email next to the event's B → conflict.
    InMemoryIdentityIndex index;
    IdentityResolver r(index);
    ProfileId p1 = r.resolve({puId("1")}, kRank, kSingle).profile;
    ProfileId p2 = r.resolve({email("a@x.com"), ext("X")}, kRank, kSingle).profile;
    auto res = r.resolve({email("b@x.com"), puId("1"), ext("X")}, kRank, kSingle);
    CPPUNIT_ASSERT_EQUAL(p1, res.profile);
    CPPUNIT_ASSERT(res.conflicting == std::vector<ProfileId>{p2});
    CPPUNIT_ASSERT(res.attached == std::vector<IdentityKey>{email("b@x.com")});
    CPPUNIT_ASSERT_EQUAL(p2, *index.owner(ext("X")));
}

void IdentityResolverTest::testNaiveMode()
{
    InMemoryIdentityIndex index;
    IdentityResolver r(index, IdentityResolver::Mode::Naive);
    ProfileId a = r.resolve({email("a@x.com")}, kRank, kSingle).profile;
    ProfileId b = r.resolve({email("b@x.com"), puId("7")}, kRank, kSingle).profile;
    auto res = r.resolve({puId("7"), email("a@x.com")}, kRank, kSingle);
    CPPUNIT_ASSERT_EQUAL(a, res.profile);
    CPPUNIT_ASSERT(res.merged == std::vector<ProfileId>{b});
    CPPUNIT_ASSERT(res.conflicting.empty());
    CPPUNIT_ASSERT_EQUAL(a, *index.owner(email("b@x.com")));
}

void IdentityResolverTest::testEmptyKeysThrow()
{
    InMemoryIdentityIndex index;
    IdentityResolver r(index);
    CPPUNIT_ASSERT_THROW(r.resolve({}, kRank, kSingle), ProfileException);
    r.resolve({email("a@x.com")}, kRank, kSingle);
    CPPUNIT_ASSERT_THROW(index.attach(email("a@x.com"), 99), ProfileException);
}

void IdentityResolverTest::testMergeNeverDoubleCounts()
{
    auto set = std::make_shared<MappingSet>();
    set->addText(R"(SELECT
          email(address) AS email KIND string
        , recipientId AS pu_id KIND string
        , count(event_type) AS opens IF event_type == "open"
        , valuect(campaign_id) AS by_campaign
        , set(tag) AS tags
        , status AS status
      FROM s INTO user BY email OR pu_id ALIAS q)",
                 "t.lql");
    InMemoryProfileBuilder b(set);
    b.process("s", {{"recipientId", "1"}, {"event_type", "open"}, {"campaign_id", "9"}, {"tag", "a"}, {"status", "old"}},
              TimeMs{1000});
    b.process("s", {{"recipientId", "1"}, {"event_type", "open"}, {"campaign_id", "9"}}, TimeMs{2000});
    b.process("s", {{"address", "a@x.com"}, {"event_type", "open"}, {"campaign_id", "9"}, {"tag", "b"}, {"status", "new"}},
              TimeMs{3000});
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, b.profileIds().size());
    // The stitching event is itself an open: counted once, after the merge.
    auto out = b.process("s", {{"address", "A@x.com"}, {"recipientId", "1"}, {"event_type", "open"}, {"campaign_id", "8"}},
                         TimeMs{2500});
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, out.at(0).resolution->merged.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, b.profileIds().size());
    const Profile& p = *b.profile(b.profileIds()[0]);
    CPPUNIT_ASSERT(p.get("opens") == Value(4));
    CPPUNIT_ASSERT_EQUAL(std::string("{\"8\":1,\"9\":3}"), p.get("by_campaign").debugString());
    CPPUNIT_ASSERT_EQUAL(std::string("[\"a\",\"b\"]"), p.get("tags").debugString());
    CPPUNIT_ASSERT(p.get("status") == Value("new")); // newer timestamp wins (3000 > 1000)
}
