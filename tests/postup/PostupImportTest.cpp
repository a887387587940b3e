// jobhost postup tests — PostupImportTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupImportTest.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include <Poco/JSON/Array.h>
#include <Poco/URI.h>

#include "ActivityImporter.h"
#include "ImportState.h"
#include "PostupImportJob.h"
#include "client/PostupDate.h"
#include "support/ScriptedServer.h"
#include "support/SimHarness.h"

#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
#include "transport/ManualClock.h"
#include "transport/PocoHttpTransport.h"
#include "transport/TokenBucket.h"
#endif

namespace jobhost::plugins::postup::test {
namespace {

constexpr std::int64_t kHourMs = 3600000;

sim::SimulatorOptions smallSite() {
    sim::SimulatorOptions o;
    o.recipients = 300;
    o.lists = 4;
    o.membershipsPerRecipient = 2;
    o.campaigns = 6;
    o.mailingsPerCampaign = 5;
    o.eventsPerMailing = 80;
    return o;
}

std::set<std::string> keys(const MemoryStore& store, const std::string& stream) {
    std::set<std::string> out;
    for (const auto& [key, record] : store.records(stream)) out.insert(key);
    return out;
}

/// Everything committed, as comparable text: key → fields and time.
std::map<std::string, std::string> dump(const MemoryStore& store, const std::string& stream) {
    std::map<std::string, std::string> out;
    for (const auto& [key, record] : store.records(stream)) {
        std::string text = std::to_string(record.eventTimeMs);
        for (const auto& [name, value] : record.fields) text += "|" + name + "=" + value;
        out.emplace(key, std::move(text));
    }
    return out;
}

std::string queryValue(const std::string& url, const std::string& name) {
    Poco::URI uri(url);
    for (const auto& [key, value] : uri.getQueryParameters())
        if (key == name) return value;
    return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

void PostupImportTest::testCompleteImportMatchesGroundTruth() {
    SimHarness harness(smallSite());
    MemoryStore store;
    const auto outcome = harness.runOnce(store, 0, {}, harness.config("\"page_size\":40"));
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());

    // postup_users: one record per membership, all lists.
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(harness.totalMemberships()), store.count("postup_users"));
    const auto users = store.records("postup_users");
    for (const auto& counts : harness.server().listCounts()) {
        // Effective-NORMAL members of the list equal the simulator's list.
        std::multiset<std::string> expected;
        for (const auto& address : harness.server().normalMemberAddresses(counts.listId)) expected.insert(address);
        std::multiset<std::string> got;
        std::int64_t inList = 0;
        for (const auto& [key, r] : users) {
            if (MemoryStore::field(r, "list_id") != std::to_string(counts.listId)) continue;
            ++inList;
            if (MemoryStore::field(r, "list_status") == "NORMAL" && MemoryStore::field(r, "global_status") == "NORMAL")
                got.insert(MemoryStore::field(r, "address"));
        }
        CPPUNIT_ASSERT_EQUAL(counts.total, inList);
        CPPUNIT_ASSERT(expected == got);
    }
    // A sampled record carries the recipient's details and the list's fields.
    const auto state = ImportState::fromJson(store.state());
    const auto& sample = users.at("list:1:1:" + std::to_string(state.lastUsersImportMs));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), MemoryStore::field(sample, "recipientId"));
    CPPUNIT_ASSERT(!MemoryStore::field(sample, "address").empty());
    CPPUNIT_ASSERT(!MemoryStore::field(sample, "channel").empty());
    CPPUNIT_ASSERT(!MemoryStore::field(sample, "list_title").empty());
    CPPUNIT_ASSERT(!MemoryStore::field(sample, "status").empty());
    CPPUNIT_ASSERT(PostupDate::parseMs(MemoryStore::field(sample, "dateJoined")));
    CPPUNIT_ASSERT(contains(MemoryStore::field(sample, "dateJoined"), "Z"));

    // postup_activity: exactly the ground truth's rows of mailings in the window.
    const auto expected = harness.expectedActivityKeys(harness.nowMs());
    CPPUNIT_ASSERT(!expected.empty());
    CPPUNIT_ASSERT_EQUAL(expected.size(), store.count("postup_activity"));
    CPPUNIT_ASSERT(expected == keys(store, "postup_activity"));
    // Sampled rows equal the simulator's rows field by field.
    const auto activity = store.records("postup_activity");
    const auto mailing = *harness.mailingsInWindow(harness.nowMs()).begin();
    const auto clicks = harness.server().expectedActivity(mailing, "CLICK");
    CPPUNIT_ASSERT(!clicks.empty());
    for (std::size_t i = 0; i < clicks.size(); i += 5) {
        const auto& row = clicks[i];
        const auto ms = *PostupDate::parseMs(row.time);
        const auto& r = activity.at(ActivityImporter::naturalKey(mailing, row.recipientId, "CLICK", ms));
        CPPUNIT_ASSERT_EQUAL(std::string("click"), MemoryStore::field(r, "event_type"));
        CPPUNIT_ASSERT_EQUAL(row.address, MemoryStore::field(r, "address"));
        CPPUNIT_ASSERT_EQUAL(row.externalId.value_or(""), MemoryStore::field(r, "externalId"));
        CPPUNIT_ASSERT_EQUAL(row.url, MemoryStore::field(r, "url_clicked"));
        CPPUNIT_ASSERT_EQUAL(std::to_string(mailing), MemoryStore::field(r, "mailing_id"));
        CPPUNIT_ASSERT_EQUAL(PostupDate::formatIsoUtc(ms), MemoryStore::field(r, "event_time"));
        CPPUNIT_ASSERT_EQUAL(ms, r.eventTimeMs);
        CPPUNIT_ASSERT(!MemoryStore::field(r, "campaign_id").empty());
    }
    const auto hard = harness.server().expectedActivity(mailing, "HARD");
    if (!hard.empty()) {
        const auto& row = hard.front();
        const auto& r = activity.at(ActivityImporter::naturalKey(mailing, row.recipientId, "HARD", *PostupDate::parseMs(row.time)));
        CPPUNIT_ASSERT_EQUAL(std::string("hard_bounce"), MemoryStore::field(r, "event_type"));
        CPPUNIT_ASSERT_EQUAL(row.bounceCode, MemoryStore::field(r, "bounce_reason"));
    }
    CPPUNIT_ASSERT(state.phase == ImportState::Phase::Idle);
    CPPUNIT_ASSERT_EQUAL(harness.nowMs(), state.lastUsersImportMs);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t(0), store.duplicatesIgnored());
}

void PostupImportTest::testRecipientsOnlyEvery24Hours() {
    SimHarness harness(smallSite());
    MemoryStore store;
    const std::int64_t t0 = harness.nowMs();
    CPPUNIT_ASSERT(harness.runOnce(store, t0).isOk());
    const std::size_t users = store.count("postup_users");
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(harness.totalMemberships()), users);

    auto membershipCalls = [&] {
        std::size_t n = 0;
        for (const auto& call : harness.transport().calls()) n += contains(call, "/api/listsubscription");
        return n;
    };
    const std::size_t callsAfterFirst = membershipCalls();
    CPPUNIT_ASSERT(callsAfterFirst > 0);
    // Second run 23 h later: no recipient import at all.
    CPPUNIT_ASSERT(harness.runOnce(store, t0 + 23 * kHourMs).isOk());
    CPPUNIT_ASSERT_EQUAL(callsAfterFirst, membershipCalls());
    CPPUNIT_ASSERT_EQUAL(users, store.count("postup_users"));
    // Third run 25 h after the first: a new snapshot (new natural keys).
    CPPUNIT_ASSERT(harness.runOnce(store, t0 + 25 * kHourMs).isOk());
    CPPUNIT_ASSERT(membershipCalls() > callsAfterFirst);
    CPPUNIT_ASSERT_EQUAL(2 * users, store.count("postup_users"));
    const auto state = ImportState::fromJson(store.state());
    CPPUNIT_ASSERT_EQUAL(t0 + 25 * kHourMs, state.lastUsersImportMs);
    // Activity re-read three times, still no double count.
    CPPUNIT_ASSERT_EQUAL(harness.expectedActivityKeys(t0).size(), store.count("postup_activity"));
    CPPUNIT_ASSERT(store.duplicatesIgnored() > 0);
}

void PostupImportTest::testOldMailingsNeverRequested() {
    SimHarness harness(smallSite());
    MemoryStore store;
    CPPUNIT_ASSERT(harness.runOnce(store).isOk());
    const auto inWindow = harness.mailingsInWindow(harness.nowMs());
    std::set<std::int64_t> all;
    for (auto id : harness.server().mailingIds()) all.insert(id);
    CPPUNIT_ASSERT(all.size() > inWindow.size() + 5); // the site has old mailings
    std::map<std::int64_t, std::set<std::string>> requested;
    for (const auto& call : harness.transport().calls()) {
        if (!contains(call, "ExternalDownload.do")) continue;
        requested[std::stoll(queryValue(call.substr(4), "mailingID"))].insert(queryValue(call.substr(4), "type"));
    }
    CPPUNIT_ASSERT_EQUAL(inWindow.size(), requested.size());
    for (const auto& [mailing, types] : requested) {
        CPPUNIT_ASSERT_MESSAGE("requested mailing outside the window: " + std::to_string(mailing), inWindow.count(mailing));
        CPPUNIT_ASSERT(types == (std::set<std::string>{"OPEN", "CLICK", "HARD", "SOFT"}));
    }
    // A 30-day window asks for fewer.
    MemoryStore narrow;
    harness.runOnce(narrow, 0, {}, harness.config("\"activity_window_days\":30"));
    CPPUNIT_ASSERT_EQUAL(harness.expectedActivityKeys(harness.nowMs(), 30).size(), narrow.count("postup_activity"));
}

void PostupImportTest::testFaultsGiveCleanRunData() {
    SimHarness harness(smallSite());
    MemoryStore clean;
    CPPUNIT_ASSERT(harness.runOnce(clean, 0, {}, harness.config("\"page_size\":40")).isOk());

    sim::FaultSettings faults;
    faults.seed = 7;
    sim::FaultRule error;
    error.kind = sim::FaultKind::Error;
    error.route = "*";
    error.rate = 0.10;
    sim::FaultRule throttle;
    throttle.kind = sim::FaultKind::Throttle;
    throttle.route = "*";
    throttle.rate = 0.05;
    throttle.retryAfterSeconds = 1;
    faults.rules = {throttle, error};
    harness.server().setFaults(faults);

    MemoryStore faulty;
    const auto outcome = harness.runToCompletion(faulty, 0, 20, harness.config("\"page_size\":40"));
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());
    const auto fired = harness.server().faults().rules;
    CPPUNIT_ASSERT(fired[0].fired > 0 && fired[1].fired > 0);
    CPPUNIT_ASSERT(dump(clean, "postup_activity") == dump(faulty, "postup_activity"));
    CPPUNIT_ASSERT(dump(clean, "postup_users") == dump(faulty, "postup_users"));
}

void PostupImportTest::testKilledAndResumedRunsGiveCleanRunData() {
    SimHarness harness(smallSite());
    const std::string config = harness.config("\"page_size\":30,\"report_concurrency\":3");
    MemoryStore clean;
    CPPUNIT_ASSERT(harness.runOnce(clean, 0, {}, config).isOk());
    const auto cleanActivity = dump(clean, "postup_activity");
    const auto cleanUsers = dump(clean, "postup_users");
    const std::uint64_t cleanCheckpoints = clean.commits();
    CPPUNIT_ASSERT(cleanCheckpoints > 20);

    // Kill points spread over the users and the activity phase.
    for (std::uint64_t killAt : {std::uint64_t(2), std::uint64_t(9), cleanCheckpoints / 2, cleanCheckpoints - 3}) {
        MemoryStore store;
        const auto first = harness.runOnce(store, 0, [&](MemoryImportContext& c) { c.crashAfterCheckpoints(killAt); }, config);
        CPPUNIT_ASSERT(first.status == sdk::OutcomeStatus::Retry);
        CPPUNIT_ASSERT(store.count("postup_users") + store.count("postup_activity") <
                       cleanUsers.size() + cleanActivity.size());
        // The restarted run (same clock) and, for good measure, a second kill.
        const auto second = harness.runOnce(store, 0, [&](MemoryImportContext& c) { c.crashAfterCheckpoints(3); }, config);
        CPPUNIT_ASSERT(second.status != sdk::OutcomeStatus::Fail);
        const auto last = harness.runOnce(store, 0, {}, config);
        CPPUNIT_ASSERT_MESSAGE(last.message, last.isOk());
        CPPUNIT_ASSERT_MESSAGE("kill at " + std::to_string(killAt), cleanActivity == dump(store, "postup_activity"));
        CPPUNIT_ASSERT_MESSAGE("kill at " + std::to_string(killAt), cleanUsers == dump(store, "postup_users"));
    }
}

void PostupImportTest::testCancelReturnsRetryAndResumes() {
    SimHarness harness(smallSite());
    MemoryStore store;
    const auto outcome = harness.runOnce(store, 0, [](MemoryImportContext& c) { c.cancel(); });
    CPPUNIT_ASSERT(outcome.status == sdk::OutcomeStatus::Retry);
    CPPUNIT_ASSERT(contains(outcome.message, "cancelled"));
    const auto cancelled = ImportState::fromJson(store.state());
    CPPUNIT_ASSERT(cancelled.phase == ImportState::Phase::Running);
    CPPUNIT_ASSERT(cancelled.usersActive && cancelled.activityActive);
    CPPUNIT_ASSERT(harness.runOnce(store).isOk());
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(harness.totalMemberships()), store.count("postup_users"));
}

void PostupImportTest::testBadCredentialsFailAuth() {
    SimHarness harness(smallSite());
    MemoryStore store;
    const auto credentials = harness.credentials("api@example.com", "wrong");
    const auto outcome = harness.runOnce(store, 0, {}, "", &credentials);
    CPPUNIT_ASSERT(outcome.status == sdk::OutcomeStatus::Fail);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Auth);
    CPPUNIT_ASSERT_EQUAL(std::string("PostUp rejected the username or password (HTTP 401: Unauthorized)"), outcome.message);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.count("postup_users"));
    CPPUNIT_ASSERT(!contains(outcome.message, "wrong"));
}

void PostupImportTest::testMissingPrivilegeNamed() {
    sim::SimulatorOptions o = smallSite();
    o.users = sim::SimUser::defaults();
    o.users.push_back({"lists@example.com", "secret", {"LIST_LISTS", "READ_SITE", "READ_SUBSCRIPTIONS", "READ_RECIPIENTS"}});
    o.users.push_back({"noreports@example.com", "secret",
                       {"LIST_LISTS", "READ_SITE", "READ_SUBSCRIPTIONS", "READ_RECIPIENTS", "READ_CAMPAIGNS"}});
    SimHarness harness(o);
    MemoryStore store;
    auto credentials = harness.credentials("noperms@example.com");
    auto outcome = harness.runOnce(store, 0, {}, "", &credentials);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Auth);
    CPPUNIT_ASSERT_EQUAL(std::string("PostUp user lacks the privilege to return the array of lists (HTTP 403); "
                                     "ask the PostUp site administrator to grant it"),
                         outcome.message);
    credentials = harness.credentials("lists@example.com");
    outcome = harness.runOnce(store, 0, {}, "", &credentials);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Auth);
    CPPUNIT_ASSERT(contains(outcome.message, "lacks the privilege to read campaigns"));
    // The users phase was committed before the activity phase failed.
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(harness.totalMemberships()), store.count("postup_users"));
    MemoryStore other;
    credentials = harness.credentials("noreports@example.com");
    outcome = harness.runOnce(other, 0, {}, "", &credentials);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Auth);
    CPPUNIT_ASSERT(contains(outcome.message, "lacks the privilege to download mailing reports"));
}

void PostupImportTest::testWrongSiteIdIsConfigError() {
    SimHarness harness(smallSite());
    MemoryStore store;
    std::string config = harness.config();
    config.replace(config.find(harness.server().siteId()), harness.server().siteId().size(), "00000000-0000-0000-0000-000000000000");
    auto outcome = harness.runOnce(store, 0, {}, config);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(contains(outcome.message, "does not match the PostUp site's id"));
    // A user without READ_SITE gets the same verdict from the report host.
    sim::SimulatorOptions o = smallSite();
    o.users = {{"nosite@example.com", "secret", {"LIST_LISTS", "READ_SUBSCRIPTIONS", "READ_RECIPIENTS", "READ_CAMPAIGNS", "READ_REPORTS"}}};
    SimHarness second(o);
    std::string config2 = second.config();
    config2.replace(config2.find(second.server().siteId()), second.server().siteId().size(), "bad-site");
    const auto credentials = second.credentials("nosite@example.com");
    MemoryStore store2;
    outcome = second.runOnce(store2, 0, {}, config2, &credentials);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(contains(outcome.message, "site_id does not match the site"));
    // A wrong site short name is a config error too.
    std::string config3 = second.config();
    const std::string shortName = "\"site_short_name\":\"demo\"";
    config3.replace(config3.find(shortName), shortName.size(), "\"site_short_name\":\"nope\"");
    MemoryStore store3;
    outcome = second.runOnce(store3, 0, {}, config3, &credentials);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(contains(outcome.message, "site_short_name"));
}

void PostupImportTest::testBadConfigAndState() {
    SimHarness harness(smallSite());
    MemoryStore store;
    auto outcome = harness.runOnce(store, 0, {}, "{\"api_base_url\":\"" + harness.server().apiBaseUrl() + "\"}");
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(contains(outcome.message, "site_id is required"));
    outcome = harness.runOnce(store, 0, {}, harness.config("\"page_size\":\"many\""));
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(contains(outcome.message, "page_size"));
    store.setState("{\"version\":9}");
    outcome = harness.runOnce(store);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Data);
}

namespace {

/// Recipient ids of the "GET /api/recipient/<id>" requests the simulator
/// counted, with their counts.
std::map<std::int64_t, std::int64_t> detailRequests(const sim::SimulatorServer& server) {
    std::map<std::int64_t, std::int64_t> out;
    const std::string prefix = "GET /api/recipient/";
    for (const auto& [route, n] : server.requestCounts())
        if (route.rfind(prefix, 0) == 0) out[std::stoll(route.substr(prefix.size()))] += n;
    return out;
}

std::set<std::int64_t> importedRecipients(const MemoryStore& store) {
    std::set<std::int64_t> out;
    for (const auto& [key, record] : store.records("postup_users")) out.insert(std::stoll(MemoryStore::field(record, "recipientId")));
    return out;
}

} // namespace

void PostupImportTest::testDetailsFetchedOncePerRecipient() {
    sim::SimulatorOptions o = smallSite();
    o.countRequests = true;
    SimHarness harness(o);
    MemoryStore store;
    const auto outcome = harness.runOnce(store, 0, {}, harness.config("\"page_size\":40"));
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());
    const auto recipients = importedRecipients(store);
    CPPUNIT_ASSERT(store.count("postup_users") >= 2 * recipients.size() - 10); // most are on two lists
    const auto details = detailRequests(harness.server());
    // Exactly the imported recipients were fetched, each exactly once.
    std::set<std::int64_t> fetched;
    for (const auto& [id, n] : details) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE("recipient " + std::to_string(id), std::int64_t(1), n);
        fetched.insert(id);
    }
    CPPUNIT_ASSERT(fetched == recipients);
    // Pages: every list read to its end once (40 rows a page).
    std::int64_t pages = 0;
    for (const auto& [route, n] : harness.server().requestCounts())
        if (route == "GET /api/listsubscription") pages += n;
    std::int64_t expectedPages = 0;
    for (const auto& counts : harness.server().listCounts()) expectedPages += counts.total / 40 + 1;
    CPPUNIT_ASSERT_EQUAL(expectedPages, pages);
}

void PostupImportTest::testNoDetailCallWhenPageHasDetails() {
    sim::SimulatorOptions o = smallSite();
    o.countRequests = true;
    o.subscriptionRecipients = true;
    SimHarness withDetails(o);
    MemoryStore store;
    const auto outcome = withDetails.runOnce(store, 0, {}, withDetails.config("\"page_size\":40"));
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());
    CPPUNIT_ASSERT(detailRequests(withDetails.server()).empty());
    CPPUNIT_ASSERT(withDetails.server().requestCounts().count("GET /api/listsubscription"));
    // The records equal those of a site whose pages lack the details.
    SimHarness plain(smallSite());
    MemoryStore reference;
    CPPUNIT_ASSERT(plain.runOnce(reference, 0, {}, plain.config("\"page_size\":40")).isOk());
    CPPUNIT_ASSERT_EQUAL(reference.count("postup_users"), store.count("postup_users"));
    CPPUNIT_ASSERT(dump(reference, "postup_users") == dump(store, "postup_users"));
}

void PostupImportTest::testResumeRefetchesOnlyTheUncommittedBatch() {
    sim::SimulatorOptions o = smallSite();
    o.countRequests = true;
    SimHarness harness(o);
    const int pageSize = 30;
    // A 1-day window has no mailings: the activity part ends with one
    // checkpoint, so from the third on they are recipient batches.
    const std::string config = harness.config("\"page_size\":" + std::to_string(pageSize) +
                                              ",\"report_concurrency\":3,\"activity_window_days\":1");
    for (std::uint64_t killAt : {std::uint64_t(3), std::uint64_t(6)}) {
        harness.server().clearRequestCounts();
        MemoryStore store;
        const auto first = harness.runOnce(store, 0, [&](MemoryImportContext& c) { c.crashAfterCheckpoints(killAt); }, config);
        CPPUNIT_ASSERT(first.status == sdk::OutcomeStatus::Retry);
        const auto watermark = ImportState::fromJson(store.state()).usersWatermark;
        CPPUNIT_ASSERT(watermark > 0);
        const auto afterCrash = detailRequests(harness.server());
        const auto last = harness.runOnce(store, 0, {}, config);
        CPPUNIT_ASSERT_MESSAGE(last.message, last.isOk());
        CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(harness.totalMemberships()), store.count("postup_users"));
        // Committed recipients (<= watermark) are never fetched again; the
        // ones fetched twice are those of the batch the crash cut off.
        std::size_t twice = 0;
        for (const auto& [id, n] : detailRequests(harness.server())) {
            CPPUNIT_ASSERT(n == 1 || n == 2);
            if (n == 2) {
                ++twice;
                CPPUNIT_ASSERT_MESSAGE(std::to_string(id), id > watermark && afterCrash.count(id));
            }
        }
        CPPUNIT_ASSERT(twice <= static_cast<std::size_t>(pageSize * o.lists));
        CPPUNIT_ASSERT(importedRecipients(store).size() == detailRequests(harness.server()).size());
    }
}

void PostupImportTest::testReportUrlAgainstSimulator() {
    SimHarness harness(smallSite());
    MemoryStore reference;
    CPPUNIT_ASSERT(harness.runOnce(reference).isOk());
    // The link as the UI shows it (mailingID and type of some report): only report_url, no pair.
    auto configWith = [&](const std::string& site) {
        return "{\"site_id\":\"" + harness.server().siteId() + "\",\"api_base_url\":\"" + harness.server().apiBaseUrl() +
               "\",\"report_url\":\"" + harness.server().reportBaseUrl() + "/" + site + "/ExternalDownload.do?siteID=" +
               harness.server().siteId() + "&mailingID=50001&type=OPEN\"}";
    };
    const std::size_t callsBefore = harness.transport().calls().size();
    MemoryStore store;
    const auto outcome = harness.runOnce(store, 0, {}, configWith(harness.server().siteName()));
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());
    CPPUNIT_ASSERT(dump(reference, "postup_activity") == dump(store, "postup_activity"));
    CPPUNIT_ASSERT(!dump(store, "postup_activity").empty());
    const auto calls = harness.transport().calls();
    std::size_t downloads = 0;
    for (std::size_t i = callsBefore; i < calls.size(); ++i) {
        if (!contains(calls[i], "ExternalDownload.do")) continue;
        ++downloads;
        CPPUNIT_ASSERT_MESSAGE(calls[i], contains(calls[i], harness.server().reportBaseUrl() + "/" + harness.server().siteName() +
                                                                "/ExternalDownload.do?siteID="));
    }
    CPPUNIT_ASSERT(downloads > 0);
    // A link to another site's short name: the report host does not know it.
    MemoryStore other;
    const auto wrongSite = harness.runOnce(other, 0, {}, configWith("elsewhere"));
    CPPUNIT_ASSERT(wrongSite.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT_MESSAGE(wrongSite.message, contains(wrongSite.message, "check report_url"));
    // A link that is not one: refused before any request.
    const std::size_t callsBeforeBad = harness.transport().calls().size();
    std::string bad = configWith(harness.server().siteName());
    bad.replace(bad.find("/ExternalDownload.do"), std::string("/ExternalDownload.do").size(), "/Reports.do");
    const auto refused = harness.runOnce(other, 0, {}, bad);
    CPPUNIT_ASSERT(refused.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT_MESSAGE(refused.message, contains(refused.message, "report_url lacks /ExternalDownload.do"));
    CPPUNIT_ASSERT_EQUAL(callsBeforeBad, harness.transport().calls().size());
}

void PostupImportTest::testNonAscendingPageIsRetry() {
    // Only the recipient part is active, so the scripted replies come in order.
    ScriptedServer server;
    server.push(200, R"({"siteId":"S","title":"Demo","status":"ACTIVE","version":"1"})");
    server.push(200, R"([{"listId":1,"title":"News"}])");
    server.push(200, R"([{"recipientId":5,"listId":1,"status":"NORMAL","address":"a@example.com"},
                         {"recipientId":3,"listId":1,"status":"NORMAL","address":"b@example.com"}])");
    ImportState state;
    state.phase = ImportState::Phase::Running;
    state.usersActive = true;
    state.usersEpochMs = 1717261200000;
    MemoryStore store;
    store.setState(state.toJson());
    DirectHttpTransport transport;
    MemoryImportContext context(store, transport,
                                "{\"site_id\":\"S\",\"api_base_url\":\"" + server.baseUrl() + "/api\",\"site_short_name\":\"demo\","
                                "\"page_size\":10}",
                                {{"username", "api@example.com"}, {"password", "secret"}});
    context.setNowMs(1717261200000);
    PostupImportJob job;
    const auto outcome = job.run(context);
    context.finish(outcome.isOk());
    CPPUNIT_ASSERT(outcome.status == sdk::OutcomeStatus::Retry);
    CPPUNIT_ASSERT_MESSAGE(outcome.message, contains(outcome.message, "returned recipient 3 after 5 (not ascending)"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), store.count("postup_users"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), server.seen().size());
}

void PostupImportTest::testBothPartsShareTheRateLimit() {
#ifdef JOBHOST_POSTUP_HOST_TRANSPORT
    sim::SimulatorOptions o = smallSite();
    o.countRequests = true;
    SimHarness harness(o);
    // The host's transport with the credential's token bucket (50/s, burst 5) on a manual clock.
    auto clock = std::make_shared<host::ManualClock>();
    auto bucket = std::make_shared<host::TokenBucket>(host::RateLimitSettings{50, 5}, clock);
    host::PocoHttpTransport::Options options;
    options.pRateLimiter = bucket;
    options.pClock = clock;
    host::PocoHttpTransport transport(options);
    MemoryStore store;
    MemoryImportContext context(store, transport, harness.config("\"page_size\":40,\"report_concurrency\":8"),
                                harness.credentials());
    context.setNowMs(harness.nowMs());
    const auto start = clock->nowMs();
    PostupImportJob job;
    const auto outcome = job.run(context);
    context.finish(outcome.isOk());
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.isOk());
    std::int64_t served = 0, details = 0, reports = 0;
    for (const auto& [route, n] : harness.server().requestCounts()) {
        served += n;
        details += route.rfind("GET /api/recipient/", 0) == 0 ? n : 0;
        reports += route.find("ExternalDownload.do") != std::string::npos ? n : 0;
    }
    CPPUNIT_ASSERT(details > 0 && reports > 0);
    // Every request of both parts, from all threads, took a token of the one bucket,
    // and the (simulated) time they took is at least what the rate allows.
    CPPUNIT_ASSERT_EQUAL(static_cast<std::uint64_t>(served), bucket->acquired());
    CPPUNIT_ASSERT(bucket->waits() > 0);
    CPPUNIT_ASSERT(clock->nowMs() - start >= (served - 5) * 1000 / 50);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(harness.totalMemberships()), store.count("postup_users"));
#else
    std::cerr << " (skipped: built without jobhost::core) ";
#endif
}

} // namespace jobhost::plugins::postup::test
