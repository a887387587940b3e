// AudienceStoreTest.cpp — jobhost audiences tests: memberships, events and the outbox in the store.
// SPDX-License-Identifier: Apache-2.0
#include "AudienceStoreTest.h"

#include "EventGenerator.h"
#include "TestStore.h"

#include "audiences/AudienceService.h"
#include "audiences/MembershipRepository.h"
#include "audiences/OutboxRepository.h"
#include "audiences/ProfileSync.h"
#include "profiles/ProfileBuilder.h"
#include "profiles/ProfileRepository.h"

#include <set>

using namespace jobhost::host;
using namespace jobhost::host::audiences;
using namespace jobhost::host::profiles;

namespace {

using Event = TestStore::Event;

const std::string kOpeners = "FILTER AND (pu_open_ct >= 1, EXISTS email) FROM user ALIAS pu_openers";

const Event kE1 = {{"recipientId", "1001"}, {"address", "Jane Doe <Jane.Doe@Example.COM>"}, {"channel", "E"},
                   {"status", "N"}, {"list_id", "12"}, {"list_title", "Newsletter"}, {"list_catagory", "news"},
                   {"dateJoined", "2023-05-01 10:00:00"}};
const TimeMs kE1Ts{1731681000000};
const Event kE2 = {{"recipientId", "1001"}, {"event_type", "open"}, {"campaign_id", "555"}};
const TimeMs kE2Ts{1731748527000};
const Event kE3 = {{"recipientId", "1001"}, {"externalId", "CRM-77"}, {"address", "JANE.DOE@example.com"},
                   {"event_type", "click"}, {"campaign_id", "555"},
                   {"url_clicked", "https://www.example.com/promo?utm_source=postup"}};
const TimeMs kE3Ts{1731951730000};

// A processing clock the test moves.
struct Clock {
    TimeMs now{1732000000000};
    std::function<TimeMs()> fn()
    {
        return [this] { return now; };
    }
};

ProfileSync::Options syncOptions(Clock& clock, std::size_t batch = 1)
{
    ProfileSync::Options o;
    o.batchSize = batch;
    o.timeSweepIntervalMs = 0;
    o.clock = clock.fn();
    return o;
}

std::vector<std::string> outboxEvents(TestStore& store, const std::string& job)
{
    std::vector<std::string> out;
    for (const auto& item : OutboxRepository(store.session()).all(job))
        out.push_back(item.event + ":" + std::to_string(item.profile));
    return out;
}

std::vector<std::string> events(TestStore& store, const std::string& audience)
{
    std::vector<std::string> out;
    auto recent = MembershipRepository(store.session()).recentEvents(audience, 1000);
    for (auto it = recent.rbegin(); it != recent.rend(); ++it)
        out.push_back(it->event + ":" + std::to_string(it->profile) + ":" + it->cause);
    return out;
}

std::string join(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
}

} // namespace

void AudienceStoreTest::testEnterOnProfileChange()
{
    TestStore store;
    Clock clock;
    store.defineAudience("pu_openers", kOpeners);
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock));
    sync.audiences().startExport({"export-openers", "pu_openers", {"email", "pu_open_ct"}, true, clock.now}, clock.now);
    store.append("postup_users", kE1, kE1Ts);
    sync.run();
    MembershipRepository members(store.session());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, members.memberCount("pu_openers")); // §10: E1 → not a member
    store.append("postup_activity", kE2, kE2Ts);
    clock.now.ms += 1000;
    sync.run();
    CPPUNIT_ASSERT(members.isMember("pu_openers", 1));
    CPPUNIT_ASSERT_EQUAL(clock.now.ms, members.membershipsOf(1)["pu_openers"].ms);
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1:profile"), join(events(store, "pu_openers")));
    auto items = OutboxRepository(store.session()).all("export-openers");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, items.size());
    CPPUNIT_ASSERT_EQUAL(std::string("enter"), items[0].event);
    CPPUNIT_ASSERT(items[0].profileJson.find("\"email\": \"jane.doe@example.com\"") != std::string::npos);
    CPPUNIT_ASSERT(items[0].profileJson.find("\"pu_open_ct\": 1") != std::string::npos);
    // E3: still a member, no enter/exit; mapped fields unchanged → the
    // pending enter stays the only row.
    store.append("postup_activity", kE3, kE3Ts);
    sync.run();
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1:profile"), join(events(store, "pu_openers")));
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1"), join(outboxEvents(store, "export-openers")));
}

void AudienceStoreTest::testExitOnProfileChange()
{
    TestStore store;
    Clock clock;
    store.defineAudience("subscribed", "FILTER pu_status == \"N\"");
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock));
    sync.audiences().startExport({"exp", "subscribed", {"email"}, true, clock.now}, clock.now);
    store.append("postup_users", kE1, kE1Ts);
    sync.run();
    Event unsub = kE1;
    unsub["status"] = "U";
    store.append("postup_users", unsub, TimeMs{kE1Ts.ms + 1000});
    clock.now.ms += 5000;
    sync.run();
    CPPUNIT_ASSERT(!MembershipRepository(store.session()).isMember("subscribed", 1));
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1:profile,exit:1:profile"), join(events(store, "subscribed")));
    auto recent = MembershipRepository(store.session()).recentEvents("subscribed", 1);
    CPPUNIT_ASSERT_EQUAL(clock.now.ms, recent[0].at.ms);
    // Enter then exit before delivery: coalesced to one exit.
    CPPUNIT_ASSERT_EQUAL(std::string("exit:1"), join(outboxEvents(store, "exp")));
}

void AudienceStoreTest::testEnterFromMerge()
{
    // §10 stitch variant: E2 with only the external id creates U2 (opens, no
    // email); E3 joins it to U1 → the merge itself produces the enter.
    TestStore store;
    Clock clock;
    store.defineAudience("pu_openers", kOpeners);
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock));
    sync.audiences().startExport({"exp", "pu_openers", {"email"}, true, clock.now}, clock.now);
    store.append("postup_users", kE1, kE1Ts);
    store.append("postup_activity", {{"externalId", "CRM-77"}, {"event_type", "open"}, {"campaign_id", "555"}}, kE2Ts);
    sync.run();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2}, ProfileRepository(store.session()).count());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, MembershipRepository(store.session()).memberCount("pu_openers"));
    store.append("postup_activity", kE3, kE3Ts);
    sync.run();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, ProfileRepository(store.session()).count());
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1:merge"), join(events(store, "pu_openers")));
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1"), join(outboxEvents(store, "exp")));
}

void AudienceStoreTest::testDefinitionChange()
{
    TestStore store;
    Clock clock;
    for (const auto& e : EventGenerator::generate(60, 4, 21)) store.append(e.stream, e.fields, e.time, e.naturalKey);
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock, 100));
    sync.run();
    // A new audience: every matching profile enters with cause "definition".
    store.defineAudience("openers", "FILTER pu_open_ct >= 2");
    auto r = sync.run();
    CPPUNIT_ASSERT(r.definitions.enters > 0);
    MembershipRepository members(store.session());
    std::int64_t first = members.memberCount("openers");
    CPPUNIT_ASSERT_EQUAL(r.definitions.enters, first);
    CPPUNIT_ASSERT_EQUAL(first, members.eventCount("openers", "enter"));
    // Unchanged definition: nothing happens.
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, sync.run().definitions.audiences);
    // Tighter filter: some exit.
    store.defineAudience("openers", "FILTER pu_open_ct >= 3");
    r = sync.run();
    CPPUNIT_ASSERT(r.definitions.exits > 0);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, r.definitions.enters);
    CPPUNIT_ASSERT_EQUAL(first - r.definitions.exits, members.memberCount("openers"));
    std::int64_t left = members.memberCount("openers");
    // Removed audience: everyone exits, state is dropped.
    store.removeAudience("openers");
    r = sync.run();
    CPPUNIT_ASSERT_EQUAL(left, r.definitions.exits);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, members.memberCount("openers"));
    CPPUNIT_ASSERT(members.evaluatedFilters().empty());
    // A filter that does not parse is reported and skipped.
    store.defineAudience("broken", "FILTER AND (pu_open_ct >= , x)");
    r = sync.run();
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, r.audienceErrors.size());
    CPPUNIT_ASSERT(r.audienceErrors[0].find("audience broken") != std::string::npos);
}

void AudienceStoreTest::testOutboxAtomicWithMembership()
{
    // A listener that writes memberships and outbox rows, then fails before
    // the builder commits: neither the membership, its event, the outbox row,
    // the profile change nor the offset survives; the retry writes each once.
    struct Crashing : public ProfileChangeListener {
        AudienceService& inner;
        bool crash = true;
        explicit Crashing(AudienceService& s)
            : inner(s)
        {
        }
        void profilesChanged(Poco::Data::Session& session, const std::vector<ProfileChange>& changes, TimeMs now) override
        {
            inner.profilesChanged(session, changes, now);
            if (crash && OutboxRepository(session).waitingCount("exp") > 0)
                throw Poco::IOException("crash after the outbox write, before commit");
        }
        void profilesClearing(Poco::Data::Session& s, TimeMs now) override { inner.profilesClearing(s, now); }
        void rebuildFinished(Poco::Data::Session& s, TimeMs now) override { inner.rebuildFinished(s, now); }
    };
    TestStore store;
    Clock clock;
    store.defineAudience("pu_openers", kOpeners);
    AudienceService service(store.session());
    service.syncDefinitions(clock.now);
    service.startExport({"exp", "pu_openers", {"email"}, true, clock.now}, clock.now);
    store.append("postup_users", kE1, kE1Ts);
    store.append("postup_activity", kE2, kE2Ts);
    Crashing crashing(service);
    ProfileBuilder builder(store.session(), TestStore::defaultMappings(), &crashing,
                           ProfileBuilder::Options{10, IdentityResolver::Mode::Faithful, clock.fn()});
    CPPUNIT_ASSERT_THROW(builder.catchUp(), Poco::IOException);
    MembershipRepository members(store.session());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, members.memberCount("pu_openers"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, members.eventCount("pu_openers", "enter"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, OutboxRepository(store.session()).waitingCount("exp"));
    CPPUNIT_ASSERT(!ProfileRepository(store.session()).load(1)->has("pu_open_ct"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, builder.positions()["postup_users"]);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, builder.positions()["postup_activity"]);
    crashing.crash = false;
    builder.catchUp();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, members.memberCount("pu_openers"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, members.eventCount("pu_openers", "enter"));
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1"), join(outboxEvents(store, "exp")));
    CPPUNIT_ASSERT(ProfileRepository(store.session()).load(1)->has("pu_open_ct"));
}

void AudienceStoreTest::testCoalescing()
{
    TestStore store;
    Clock clock;
    store.defineAudience("subscribed", "FILTER pu_status == \"N\"");
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock));
    sync.audiences().startExport({"exp", "subscribed", {"email"}, true, clock.now}, clock.now);
    Event e = kE1;
    store.append("postup_users", e, kE1Ts);
    sync.run();
    // The runner claims the enter (in flight); later changes queue behind it.
    OutboxRepository outbox(store.session());
    auto ready = outbox.ready("exp", clock.now, 10);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, ready.size());
    outbox.markInflight({ready[0].id});
    e["status"] = "U";
    store.append("postup_users", e, TimeMs{kE1Ts.ms + 1});
    sync.run();
    e["status"] = "N";
    store.append("postup_users", e, TimeMs{kE1Ts.ms + 2});
    sync.run();
    e["status"] = "U";
    store.append("postup_users", e, TimeMs{kE1Ts.ms + 3});
    sync.run();
    // Three membership events after the first, one pending row (last state: exit).
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1:profile,exit:1:profile,enter:1:profile,exit:1:profile"),
                         join(events(store, "subscribed")));
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1,exit:1"), join(outboxEvents(store, "exp")));
    // Order per user: the in-flight enter is still ahead of the exit.
    auto all = outbox.all("exp");
    CPPUNIT_ASSERT_EQUAL(std::string("inflight"), all[0].state);
    CPPUNIT_ASSERT(all[0].id < all[1].id);
    outbox.complete({all[0].id});
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, outbox.waitingCount("exp"));
    // A retried row goes back sealed and is not coalesced further.
    auto next = outbox.ready("exp", clock.now, 10);
    outbox.markInflight({next[0].id});
    outbox.retryLater(next[0].id, TimeMs{clock.now.ms + 60000});
    CPPUNIT_ASSERT(outbox.ready("exp", clock.now, 10).empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, outbox.ready("exp", TimeMs{clock.now.ms + 60000}, 10).size());
}

void AudienceStoreTest::testUpdateOnMappedFieldChange()
{
    TestStore store;
    Clock clock;
    store.defineAudience("pu_openers", kOpeners);
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock));
    sync.audiences().startExport({"counts", "pu_openers", {"email", "pu_open_ct"}, true, clock.now}, clock.now);
    sync.audiences().startExport({"clicks", "pu_openers", {"email", "pu_click_ct"}, true, clock.now}, clock.now);
    store.append("postup_users", kE1, kE1Ts);
    store.append("postup_activity", kE2, kE2Ts);
    sync.run();
    OutboxRepository outbox(store.session());
    for (const char* job : {"counts", "clicks"}) {
        auto items = outbox.ready(job, clock.now, 10);
        outbox.markInflight({items[0].id});
        outbox.complete({items[0].id});
    }
    // A second open changes pu_open_ct (mapped by "counts" only).
    store.append("postup_activity", {{"recipientId", "1001"}, {"event_type", "open"}, {"campaign_id", "556"}},
                 TimeMs{kE2Ts.ms + 3600000});
    sync.run();
    CPPUNIT_ASSERT_EQUAL(std::string("update:1"), join(outboxEvents(store, "counts")));
    CPPUNIT_ASSERT(outbox.all("counts")[0].profileJson.find("\"pu_open_ct\": 2") != std::string::npos);
    CPPUNIT_ASSERT(outboxEvents(store, "clicks").empty());
    // E3 (a click) changes pu_click_ct: "clicks" gets an update, "counts" keeps one row.
    store.append("postup_activity", kE3, kE3Ts);
    sync.run();
    CPPUNIT_ASSERT_EQUAL(std::string("update:1"), join(outboxEvents(store, "clicks")));
    CPPUNIT_ASSERT_EQUAL(std::string("update:1"), join(outboxEvents(store, "counts")));
}

void AudienceStoreTest::testBackfill()
{
    TestStore store;
    Clock clock;
    for (const auto& e : EventGenerator::generate(80, 4, 33)) store.append(e.stream, e.fields, e.time, e.naturalKey);
    store.defineAudience("openers", "FILTER pu_open_ct >= 1");
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock, 100));
    sync.run();
    std::int64_t members = MembershipRepository(store.session()).memberCount("openers");
    CPPUNIT_ASSERT(members > 10);
    auto stats = sync.audiences().startExport({"with", "openers", {"email"}, true, clock.now}, clock.now);
    CPPUNIT_ASSERT_EQUAL(members, stats.enters);
    CPPUNIT_ASSERT_EQUAL(members, OutboxRepository(store.session()).waitingCount("with"));
    sync.audiences().startExport({"without", "openers", {"email"}, false, clock.now}, clock.now);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, OutboxRepository(store.session()).waitingCount("without"));
    // Restarting with backfill re-queues, coalesced with what is pending.
    sync.audiences().startExport({"with", "openers", {"email"}, true, clock.now}, clock.now);
    CPPUNIT_ASSERT_EQUAL(members, OutboxRepository(store.session()).waitingCount("with"));
    sync.audiences().stopExport("without");
    CPPUNIT_ASSERT(!OutboxRepository(store.session()).subscription("without"));
}

void AudienceStoreTest::testTimeBasedSweep()
{
    TestStore store;
    Clock clock;
    clock.now = TimeMs{kE2Ts.ms + 3600000}; // an hour after the open
    store.defineAudience("recent", "FILTER pu_last_open_ts > \"now-1d\"");
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock));
    store.append("postup_users", kE1, kE1Ts);
    store.append("postup_activity", kE2, kE2Ts);
    sync.run();
    MembershipRepository members(store.session());
    CPPUNIT_ASSERT(members.isMember("recent", 1));
    // No new event, but the clock moves past the window: the sweep exits.
    clock.now.ms += 2 * 86400000LL;
    auto r = sync.run();
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, r.build.events);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, r.time.exits);
    CPPUNIT_ASSERT(!members.isMember("recent", 1));
    CPPUNIT_ASSERT_EQUAL(std::string("enter:1:profile,exit:1:time"), join(events(store, "recent")));
    // The sweep interval is honoured.
    ProfileSync::Options o = syncOptions(clock);
    o.timeSweepIntervalMs = 10 * 60 * 1000;
    ProfileSync slow(store.session(), TestStore::defaultMappings(), o);
    clock.now.ms += 1000;
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, slow.run().time.audiences);
    clock.now.ms += 10 * 60 * 1000;
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, slow.run().time.audiences);
}

void AudienceStoreTest::testRebuildKeepsMemberships()
{
    TestStore store;
    Clock clock;
    for (const auto& e : EventGenerator::generate(100, 5, 44)) store.append(e.stream, e.fields, e.time, e.naturalKey);
    store.defineAudience("openers", "FILTER pu_open_ct >= 2");
    store.defineAudience("subscribed", "FILTER pu_status == \"N\"");
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock, 64));
    sync.audiences().startExport({"exp", "openers", {"email"}, false, clock.now}, clock.now);
    sync.run();
    MembershipRepository members(store.session());
    auto openers = members.members("openers");
    auto subscribed = members.members("subscribed");
    auto eventsBefore = members.recentEvents("", 100000).size();
    std::int64_t outboxBefore = OutboxRepository(store.session()).waitingCount("exp");
    auto profiles = store.profileJson();
    clock.now.ms += 1000;
    auto r = sync.rebuild();
    CPPUNIT_ASSERT(r.build.rebuildFinished);
    CPPUNIT_ASSERT(profiles == store.profileJson());
    CPPUNIT_ASSERT(openers == members.members("openers"));
    CPPUNIT_ASSERT(subscribed == members.members("subscribed"));
    // Same profiles, same memberships: no events, no outbox rows.
    CPPUNIT_ASSERT_EQUAL(eventsBefore, members.recentEvents("", 100000).size());
    CPPUNIT_ASSERT_EQUAL(outboxBefore, OutboxRepository(store.session()).waitingCount("exp"));
    CPPUNIT_ASSERT(members.carried().empty());
}

void AudienceStoreTest::testMembershipsMatchFilterAfterBigRun()
{
    TestStore store;
    Clock clock;
    store.defineAudience("openers", "FILTER AND (pu_open_ct >= 2, EXISTS email)");
    store.defineAudience("clickers", "FILTER pu_click_ct > 0");
    ProfileSync sync(store.session(), TestStore::defaultMappings(), syncOptions(clock, 25));
    sync.audiences().startExport({"exp", "openers", {"email", "pu_open_ct"}, true, clock.now}, clock.now);
    auto events = EventGenerator::generate(200, 6, 77);
    for (std::size_t i = 0; i < events.size(); ++i) {
        store.append(events[i].stream, events[i].fields, events[i].time, events[i].naturalKey);
        if (i % 150 == 0) {
            clock.now.ms += 1000;
            sync.run();
        }
    }
    sync.run();
    // Membership equals a fresh evaluation of every stored profile.
    MembershipEngine engine({Audience::compile("openers", "", "FILTER AND (pu_open_ct >= 2, EXISTS email)"),
                             Audience::compile("clickers", "", "FILTER pu_click_ct > 0")});
    std::vector<ProfileId> openers, clickers;
    ProfileRepository(store.session()).forEach([&](ProfileId id, const Profile& p) {
        if (engine.matches("openers", p, clock.now)) openers.push_back(id);
        if (engine.matches("clickers", p, clock.now)) clickers.push_back(id);
    });
    MembershipRepository members(store.session());
    CPPUNIT_ASSERT(!openers.empty());
    CPPUNIT_ASSERT(openers == members.members("openers"));
    CPPUNIT_ASSERT(clickers == members.members("clickers"));
    // enters - exits == members, per audience.
    CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(openers.size()),
                         members.eventCount("openers", "enter") - members.eventCount("openers", "exit"));
    // The outbox has exactly one pending row per profile that ever entered.
    std::set<ProfileId> queued;
    for (const auto& item : OutboxRepository(store.session()).all("exp")) CPPUNIT_ASSERT(queued.insert(item.profile).second);
}
