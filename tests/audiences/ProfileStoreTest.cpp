// ProfileStoreTest.cpp — jobhost audiences tests: the store-backed profile builder.
// SPDX-License-Identifier: Apache-2.0
#include "ProfileStoreTest.h"

#include "EventGenerator.h"
#include "TestStore.h"

#include "profiles/InMemoryProfileBuilder.h"
#include "profiles/ProfileBuilder.h"
#include "profiles/ProfileException.h"
#include "profiles/ProfileRepository.h"
#include "profiles/SqliteIdentityIndex.h"
#include "profiles/StreamEventFields.h"

#include <Poco/Data/Transaction.h>

using namespace jobhost::host;
using namespace jobhost::host::profiles;

namespace {

const TimeMs kClock{1732000000000};

ProfileBuilder::Options options(std::size_t batch, IdentityResolver::Mode mode = IdentityResolver::Mode::Faithful)
{
    return ProfileBuilder::Options{batch, mode, [] { return kClock; }};
}

// Appends events to the store; returns them in the order the builder
// consumes them (stream by stream in mapping order, seq order within).
std::vector<GeneratedEvent> load(TestStore& store, const std::vector<GeneratedEvent>& events)
{
    std::vector<GeneratedEvent> users, activity;
    for (const auto& e : events)
        if (store.append(e.stream, e.fields, e.time, e.naturalKey)) (e.stream == "postup_users" ? users : activity).push_back(e);
    users.insert(users.end(), activity.begin(), activity.end());
    return users;
}

std::map<std::int64_t, std::string> inMemory(const std::vector<GeneratedEvent>& ordered, IdentityResolver::Mode mode)
{
    InMemoryProfileBuilder b(TestStore::defaultMappings(), mode);
    for (const auto& e : ordered) b.process(e.stream, e.fields, e.time);
    std::map<std::int64_t, std::string> out;
    for (ProfileId id : b.profileIds()) out[id] = b.profile(id)->toJson();
    return out;
}

void assertSame(const std::map<std::int64_t, std::string>& expected, const std::map<std::int64_t, std::string>& actual)
{
    CPPUNIT_ASSERT_EQUAL(expected.size(), actual.size());
    for (const auto& [id, json] : expected) {
        auto it = actual.find(id);
        CPPUNIT_ASSERT_MESSAGE("profile " + std::to_string(id) + " missing", it != actual.end());
        CPPUNIT_ASSERT_EQUAL_MESSAGE("profile " + std::to_string(id), json, it->second);
    }
}

class FailingListener : public ProfileChangeListener {
public:
    explicit FailingListener(int failOnCall)
        : _failOn(failOnCall)
    {
    }
    void profilesChanged(Poco::Data::Session&, const std::vector<ProfileChange>&, TimeMs) override
    {
        if (++_calls == _failOn) throw Poco::IOException("simulated crash before commit");
    }
    void profilesClearing(Poco::Data::Session&, TimeMs) override {}
    void rebuildFinished(Poco::Data::Session&, TimeMs) override {}

private:
    int _failOn;
    int _calls = 0;
};

} // namespace

void ProfileStoreTest::testWorkedExample()
{
    TestStore store;
    store.append("postup_users",
                 {{"recipientId", "1001"}, {"address", "Jane Doe <Jane.Doe@Example.COM>"}, {"channel", "E"}, {"status", "N"},
                  {"list_id", "12"}, {"list_title", "Newsletter"}, {"list_catagory", "news"},
                  {"dateJoined", "2023-05-01 10:00:00"}, {"sourceSignupDate", "05/01/2023"}, {"dateUnsub", ""}},
                 TimeMs{1731681000000});
    store.append("postup_activity", {{"recipientId", "1001"}, {"event_type", "open"}, {"campaign_id", "555"}},
                 TimeMs{1731748527000});
    store.append("postup_activity",
                 {{"recipientId", "1001"}, {"externalId", "CRM-77"}, {"address", "JANE.DOE@example.com"},
                  {"event_type", "click"}, {"campaign_id", "555"},
                  {"url_clicked", "https://www.example.com/promo?utm_source=postup"}},
                 TimeMs{1731951730000});
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(1));
    auto stats = builder.catchUp();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, stats.events);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3}, stats.batches);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, stats.created);
    ProfileRepository repo(store.session());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, repo.count());
    CPPUNIT_ASSERT_EQUAL(ProfileId{1}, *repo.owner({"email", "jane.doe@example.com"}));
    CPPUNIT_ASSERT_EQUAL(ProfileId{1}, *repo.owner({"pu_ext_id", "CRM-77"}));
    std::string plain = repo.load(1)->toPlainJson();
    CPPUNIT_ASSERT(plain.find("\"pu_open_ct\": 1") != std::string::npos);
    CPPUNIT_ASSERT(plain.find("\"hashedurls\": {\"2927709301837579743\": 1}") != std::string::npos);
    CPPUNIT_ASSERT(plain.find("\"pu_hourofweek\": {\"153\": 1}") != std::string::npos);
    auto pos = builder.positions();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, pos["postup_users"]);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, pos["postup_activity"]);
}

void ProfileStoreTest::testEqualsInMemory()
{
    TestStore store;
    auto ordered = load(store, EventGenerator::generate(300, 8, 42));
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(7));
    auto stats = builder.catchUp();
    CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(ordered.size()), stats.events);
    CPPUNIT_ASSERT(stats.merged > 0); // the generator stitches
    assertSame(inMemory(ordered, IdentityResolver::Mode::Faithful), store.profileJson());
}

void ProfileStoreTest::testNaiveModeEqualsInMemory()
{
    TestStore store;
    auto ordered = load(store, EventGenerator::generate(120, 6, 7));
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(50, IdentityResolver::Mode::Naive));
    builder.catchUp();
    assertSame(inMemory(ordered, IdentityResolver::Mode::Naive), store.profileJson());
}

void ProfileStoreTest::testIncrementalEqualsOneShot()
{
    // Events arriving over several imports (builder called after each) give
    // the same profiles as one run over everything, when the per-stream
    // order is the same: here all users come first.
    auto events = EventGenerator::generate(150, 6, 11);
    TestStore store;
    std::vector<GeneratedEvent> users, activity;
    for (const auto& e : events) (e.stream == "postup_users" ? users : activity).push_back(e);
    for (const auto& e : users) store.append(e.stream, e.fields, e.time, e.naturalKey);
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(13));
    builder.catchUp();
    for (std::size_t i = 0; i < activity.size(); ++i) {
        store.append(activity[i].stream, activity[i].fields, activity[i].time, activity[i].naturalKey);
        if (i % 97 == 0) builder.catchUp();
    }
    builder.catchUp();
    users.insert(users.end(), activity.begin(), activity.end());
    assertSame(inMemory(users, IdentityResolver::Mode::Faithful), store.profileJson());
}

void ProfileStoreTest::testRerunChangesNothing()
{
    TestStore store;
    auto events = EventGenerator::generate(100, 5, 3);
    load(store, events);
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(64));
    builder.catchUp();
    auto first = store.profileJson();
    auto again = builder.catchUp();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, again.events);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, again.batches);
    // Re-importing the same rows: the stream ignores them by natural key.
    CPPUNIT_ASSERT(load(store, events).empty());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, builder.catchUp().events);
    assertSame(first, store.profileJson());
    // A second builder (another process, say) finds nothing to do either.
    ProfileBuilder other(store.session(), TestStore::defaultMappings(), nullptr, options(5));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, other.catchUp().events);
    assertSame(first, store.profileJson());
}

void ProfileStoreTest::testRebuildIdentical()
{
    TestStore store;
    load(store, EventGenerator::generate(200, 6, 5));
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(33));
    builder.catchUp();
    auto before = store.profileJson();
    std::int64_t keys = ProfileRepository(store.session()).identityCount();
    auto stats = builder.rebuild();
    CPPUNIT_ASSERT(stats.rebuildFinished);
    CPPUNIT_ASSERT(!builder.rebuilding());
    assertSame(before, store.profileJson());
    CPPUNIT_ASSERT_EQUAL(keys, ProfileRepository(store.session()).identityCount());
    // With another batch size: still identical.
    ProfileBuilder other(store.session(), TestStore::defaultMappings(), nullptr, options(1000));
    other.rebuild();
    assertSame(before, store.profileJson());
}

void ProfileStoreTest::testCrashMidBatchIsExactlyOnce()
{
    TestStore store;
    auto ordered = load(store, EventGenerator::generate(120, 6, 9));
    {
        FailingListener failing(5);
        ProfileBuilder builder(store.session(), TestStore::defaultMappings(), &failing, options(17));
        CPPUNIT_ASSERT_THROW(builder.catchUp(), Poco::IOException);
        // Four batches committed, the fifth rolled back with its offset.
        auto pos = builder.positions();
        CPPUNIT_ASSERT_EQUAL(std::int64_t{4 * 17}, pos["postup_users"]);
    }
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(17));
    builder.catchUp();
    assertSame(inMemory(ordered, IdentityResolver::Mode::Faithful), store.profileJson());
}

void ProfileStoreTest::testSameBuilderContinuesAfterFailedBatch()
{
    TestStore store;
    auto ordered = load(store, EventGenerator::generate(120, 6, 9));
    FailingListener failing(6); // the 6th batch rolls back after changing identities in the cache
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), &failing, options(17));
    CPPUNIT_ASSERT_THROW(builder.catchUp(), Poco::IOException);
    builder.catchUp(); // the same builder (and cache) carries on
    assertSame(inMemory(ordered, IdentityResolver::Mode::Faithful), store.profileJson());
}

void ProfileStoreTest::testBuildersTakingTurnsEqualInMemory()
{
    // Two builders (two processes, say) on one store take turns while events
    // arrive: each must notice the other's commits, or it would work from
    // profiles it cached before the other changed them.
    auto events = EventGenerator::generate(150, 6, 13);
    std::vector<GeneratedEvent> users, activity;
    for (const auto& e : events) (e.stream == "postup_users" ? users : activity).push_back(e);
    TestStore store;
    for (const auto& e : users) store.append(e.stream, e.fields, e.time, e.naturalKey);
    ProfileBuilder first(store.session(), TestStore::defaultMappings(), nullptr, options(11));
    ProfileBuilder second(store.session(), TestStore::defaultMappings(), nullptr, options(7));
    first.catchUp();
    for (std::size_t i = 0; i < activity.size(); ++i) {
        store.append(activity[i].stream, activity[i].fields, activity[i].time, activity[i].naturalKey);
        if (i % 41 == 0) ((i / 41) % 2 ? first : second).catchUp();
    }
    first.catchUp();
    second.catchUp();
    users.insert(users.end(), activity.begin(), activity.end());
    assertSame(inMemory(users, IdentityResolver::Mode::Faithful), store.profileJson());
}

void ProfileStoreTest::testTinyProfileCacheEqualsInMemory()
{
    TestStore store;
    auto ordered = load(store, EventGenerator::generate(200, 8, 21));
    ProfileBuilder::Options small = options(23);
    small.profileCacheSize = 5;
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, small);
    builder.catchUp();
    assertSame(inMemory(ordered, IdentityResolver::Mode::Faithful), store.profileJson());
}

void ProfileStoreTest::testReadAheadGivesIdenticalProfiles()
{
    // The same events built with the next batch read and mapped on a second
    // thread and without: byte-identical stored profiles, equal to the
    // in-memory builder, and the read-ahead batches were really used.
    const auto events = EventGenerator::generate(300, 7, 31);
    std::map<bool, std::map<std::int64_t, std::string>> stored;
    std::vector<GeneratedEvent> ordered;
    for (bool readAhead : {true, false}) {
        TestStore store;
        ordered = load(store, events);
        ProfileBuilder::Options o = options(13);
        o.readAhead = readAhead;
        ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, o);
        auto stats = builder.catchUp();
        CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(ordered.size()), stats.events);
        if (readAhead) {
            // every full batch after the first of each stream
            CPPUNIT_ASSERT_MESSAGE(std::to_string(stats.readAhead) + " of " + std::to_string(stats.batches),
                                   stats.readAhead >= stats.batches - 4);
        } else {
            CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, stats.readAhead);
        }
        stored[readAhead] = store.profileJson();
    }
    assertSame(stored[false], stored[true]);
    assertSame(inMemory(ordered, IdentityResolver::Mode::Faithful), stored[true]);
}

void ProfileStoreTest::testProfileCacheKeepsItsByteBudget()
{
    // The cache alone: the least recently used go first, down to nine
    // tenths of the budget, with their keys.
    const std::size_t each = 1000 + ProfileStoreCache::kOverheadPerProfile;
    ProfileStoreCache cache(1000, 10 * each);
    for (ProfileId id = 1; id <= 12; ++id) {
        cache.setKeys(id, {IdentityKey{"email", std::to_string(id) + "@example.com"}});
        cache.setEncoded(id, std::string(1000, 'x'));
    }
    CPPUNIT_ASSERT_EQUAL(12 * each, cache.byteCount());
    CPPUNIT_ASSERT(cache.encoded(1)); // a use: 1 is now the newest
    cache.committed("g1");
    CPPUNIT_ASSERT_EQUAL(std::size_t{9}, cache.profileCount());
    CPPUNIT_ASSERT(cache.byteCount() <= 9 * each);
    CPPUNIT_ASSERT(cache.encoded(1));
    for (ProfileId gone : {2, 3, 4}) {
        CPPUNIT_ASSERT(!cache.encoded(gone));
        CPPUNIT_ASSERT(!cache.keysOf(gone));
        CPPUNIT_ASSERT(!cache.owner(IdentityKey{"email", std::to_string(gone) + "@example.com"}));
    }
    CPPUNIT_ASSERT(cache.keysOf(5));
    cache.setEncoded(5, std::string(10, 'y')); // replacing counts the new size only
    CPPUNIT_ASSERT_EQUAL(8 * each + 10 + ProfileStoreCache::kOverheadPerProfile, cache.byteCount());
    cache.forgetProfile(5);
    CPPUNIT_ASSERT_EQUAL(8 * each, cache.byteCount());
    cache.clear();
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, cache.byteCount());

    // The builder with a budget of a few profiles gives the same profiles.
    TestStore store;
    auto ordered = load(store, EventGenerator::generate(200, 8, 22));
    ProfileBuilder::Options small = options(23);
    small.profileCacheBytes = 8 * 1024;
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, small);
    builder.catchUp();
    assertSame(inMemory(ordered, IdentityResolver::Mode::Faithful), store.profileJson());
}

void ProfileStoreTest::testNeedsRebuildAfterMappingChange()
{
    TestStore store;
    load(store, EventGenerator::generate(20, 2, 1));
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), nullptr, options(100));
    builder.catchUp();
    CPPUNIT_ASSERT(!builder.needsRebuild());
    auto changed = std::make_shared<MappingSet>();
    changed->addText("SELECT email(address) AS email KIND string FROM postup_users INTO user BY email ALIAS only_email",
                     "changed.lql");
    ProfileBuilder other(store.session(), changed, nullptr, options(100));
    CPPUNIT_ASSERT(other.needsRebuild());
    other.rebuild();
    CPPUNIT_ASSERT(!other.needsRebuild());
    auto profiles = store.profileJson();
    CPPUNIT_ASSERT_EQUAL(std::size_t{20}, profiles.size());
    for (const auto& [id, json] : profiles) CPPUNIT_ASSERT(json.find("pu_id") == std::string::npos);
}

void ProfileStoreTest::testIdentityIndexContract()
{
    TestStore store;
    Poco::Data::Transaction transaction(store.session());
    ProfileRepository repo(store.session());
    SqliteIdentityIndex index(repo, kClock);
    ProfileId a = index.createProfile(), b = index.createProfile(), c = index.createProfile();
    CPPUNIT_ASSERT_EQUAL(ProfileId{1}, a);
    CPPUNIT_ASSERT_EQUAL(ProfileId{3}, c);
    index.attach({"email", "a@x"}, a);
    index.attach({"pu_id", "1"}, b);
    index.attach({"pu_id", "2"}, c);
    CPPUNIT_ASSERT_THROW(index.attach({"email", "a@x"}, b), ProfileException);
    index.mergeProfiles(b, a);
    index.mergeProfiles(a, c); // chain: b → a → c
    CPPUNIT_ASSERT_EQUAL(c, index.canonical(a));
    CPPUNIT_ASSERT_EQUAL(c, index.canonical(b));
    CPPUNIT_ASSERT_EQUAL(c, *index.owner({"email", "a@x"}));
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, index.keysOf(b).size());
    CPPUNIT_ASSERT(!index.owner({"email", "nobody"}));
    CPPUNIT_ASSERT_EQUAL(ProfileId{4}, index.createProfile()); // ids never reused
    CPPUNIT_ASSERT_EQUAL(ProfileId{99}, index.canonical(99));
    transaction.rollback();
}

void ProfileStoreTest::testStreamEventFields()
{
    auto f = StreamEventFields::decode(R"([["a","1"],["b","x \"q\" \\ / y"],["a","2"]])");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, f.size());
    CPPUNIT_ASSERT_EQUAL(std::string("2"), f["a"]);
    CPPUNIT_ASSERT_EQUAL(std::string("x \"q\" \\ / y"), f["b"]);
    f = StreamEventFields::decode(R"([["u","caf\u00e9"]])"); // falls back to Poco for \u
    CPPUNIT_ASSERT_EQUAL(std::string("caf\xc3\xa9"), f["u"]);
    f = StreamEventFields::decode(R"({"k": "v", "n": 5})");
    CPPUNIT_ASSERT_EQUAL(std::string("v"), f["k"]);
    CPPUNIT_ASSERT_EQUAL(std::string("5"), f["n"]);
    CPPUNIT_ASSERT(StreamEventFields::decode("not json").empty());
}
