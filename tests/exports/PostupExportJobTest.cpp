// jobhost exports tests — PostupExportJobTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupExportJobTest.h"

#include <map>
#include <set>

#include "TestSupport.h"
#include "client/PostupClient.h"
#include "export/EmailAddress.h"
#include "export/ExportState.h"
#include "export/PostupExportJob.h"
#include "jobhost/sim/SimulatorServer.h"
#include "support/HookTransport.h"
#include "support/MemoryExportContext.h"

namespace jobhost::host::exports::test {
namespace {

using plugins::postup::ExportState;
using plugins::postup::PostupExportJob;
using sdk::ChangeKind;
using sdk::ItemStatus;

std::string config(const std::string& extra = "") {
    return R"({"audience":"engaged","import_poll_interval_ms":10)" + (extra.empty() ? "" : "," + extra) + "}";
}

std::unique_ptr<MemoryExportContext> context(const sim::SimulatorServer& sim, const std::string& configJson,
                                             std::shared_ptr<sdk::HttpTransport> transport = nullptr,
                                             const std::string& user = "lytics@example.com") {
    sdk::Credentials credentials{{"username", user}, {"password", "secret"}, {"api_base_url", sim.apiBaseUrl()}};
    return std::make_unique<MemoryExportContext>(configJson, credentials, transport ? transport : fastTransport());
}

std::int64_t listOf(const MemoryExportContext& ctx) { return ExportState::parse(ctx.loadState()).listId; }

std::string email(int i) { return "member" + std::to_string(i) + "@export.example.com"; }

std::vector<sdk::ExportChange> enters(int from, int to) {
    std::vector<sdk::ExportChange> out;
    for (int i = from; i < to; ++i) out.push_back(change(i, ChangeKind::Enter, email(i)));
    return out;
}

std::map<std::int64_t, sdk::ItemResult> byId(const sdk::DeliveryResult& r) {
    std::map<std::int64_t, sdk::ItemResult> out;
    for (const auto& item : r.items) out[item.itemId] = item;
    return out;
}

} // namespace

void PostupExportJobTest::setUp() {
    sim::SimulatorOptions o;
    o.recipients = 50;
    o.lists = 3;
    o.campaigns = 0;
    o.importDelayMs = 20;
    o.lockoutThreshold = 0;
    _pSim = std::make_unique<sim::SimulatorServer>(o);
    _pSim->start();
}

void PostupExportJobTest::tearDown() { _pSim.reset(); }

void PostupExportJobTest::testEmailAddressRules() {
    using plugins::postup::EmailAddress;
    std::string reason;
    CPPUNIT_ASSERT(EmailAddress::isValid("bob@example.com", reason));
    CPPUNIT_ASSERT(EmailAddress::isValid("Bob.O'Neil+x@mail.example.co", reason));
    CPPUNIT_ASSERT(!EmailAddress::isValid("bob", reason));
    CPPUNIT_ASSERT_EQUAL(std::string("no '@'"), reason);
    CPPUNIT_ASSERT(!EmailAddress::isValid("bob@localhost", reason));
    CPPUNIT_ASSERT(!EmailAddress::isValid("a..b@example.com", reason));
    CPPUNIT_ASSERT(!EmailAddress::isValid("a@b@example.com", reason));
    CPPUNIT_ASSERT(!EmailAddress::isValid("bob@example.c0m", reason));
    CPPUNIT_ASSERT(!EmailAddress::isValid("", reason));
    CPPUNIT_ASSERT_EQUAL(std::string("bob@example.com"), EmailAddress::trimmed("  bob@example.com \t"));
}

void PostupExportJobTest::testSyncMakesListEqualAudience() {
    auto ctx = context(*_pSim, config());
    PostupExportJob job;
    auto prepared = job.prepare(*ctx);
    CPPUNIT_ASSERT_MESSAGE(prepared.message, prepared.isOk());
    const std::int64_t list = listOf(*ctx);
    CPPUNIT_ASSERT(list > 0);
    CPPUNIT_ASSERT_EQUAL(std::string("testhost + engaged"), ExportState::parse(ctx->loadState()).listTitle);

    auto result = job.deliver(*ctx, enters(1, 41));
    CPPUNIT_ASSERT_MESSAGE(result.outcome.message, result.outcome.isOk());
    CPPUNIT_ASSERT_EQUAL(std::size_t(40), result.items.size());
    for (const auto& r : result.items) CPPUNIT_ASSERT_MESSAGE(r.message, r.status == ItemStatus::Delivered);
    std::set<std::string> audience;
    for (int i = 1; i < 41; ++i) audience.insert(email(i));
    CPPUNIT_ASSERT(audience == normalMembers(*_pSim, list));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/import"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), successfulCalls(*_pSim, "DELETE", "/api/recipient/privacy"));

    // A second session finds the same list by title instead of creating one.
    PostupExportJob again;
    auto ctx2 = context(*_pSim, config());
    CPPUNIT_ASSERT(again.prepare(*ctx2).isOk());
    CPPUNIT_ASSERT_EQUAL(list, listOf(*ctx2));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/list"));
}

void PostupExportJobTest::testConfiguredListAndTemplateReused() {
    auto ctx = context(*_pSim, config(R"("list":2)"));
    PostupExportJob job;
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
    CPPUNIT_ASSERT_EQUAL(std::int64_t(2), listOf(*ctx));
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk()); // template kept in state: not created twice
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/importtemplate"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), successfulCalls(*_pSim, "POST", "/api/list"));

    auto missing = context(*_pSim, config(R"("list":999)"));
    auto outcome = PostupExportJob().prepare(*missing);
    CPPUNIT_ASSERT(outcome.status == sdk::OutcomeStatus::Fail && outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(outcome.message.find("999") != std::string::npos);
}

void PostupExportJobTest::testExitUnsubscribesOnlyWithRemoveOnExit() {
    // lytics@example.com has Lytics' privileges only (no subscription
    // writes: exits go through an UNSUB import); api@example.com may use
    // POST /listsubscription.
    for (const std::string user : {"lytics@example.com", "api@example.com"}) {
        for (bool remove : {false, true}) {
            _pSim->clearMutations();
            auto ctx = context(*_pSim,
                               config(R"("list_title_template":"exit test {audience} )" + user + (remove ? " on" : " off") +
                                      R"(","remove_on_exit":)" + (remove ? "true" : "false")),
                               nullptr, user);
            PostupExportJob job;
            CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
            const std::int64_t list = listOf(*ctx);
            CPPUNIT_ASSERT(job.deliver(*ctx, enters(1, 6)).outcome.isOk());
            CPPUNIT_ASSERT_EQUAL(std::size_t(5), normalMembers(*_pSim, list).size());

            auto result = job.deliver(*ctx, {change(100, ChangeKind::Exit, email(2)), change(101, ChangeKind::Exit, "stranger@export.example.com")});
            CPPUNIT_ASSERT_MESSAGE(result.outcome.message, result.outcome.isOk());
            const auto r = result.items.at(0);
            if (remove) {
                CPPUNIT_ASSERT_MESSAGE(r.message, r.status == ItemStatus::Delivered);
                CPPUNIT_ASSERT_EQUAL(std::size_t(4), normalMembers(*_pSim, list).size());
                CPPUNIT_ASSERT(!normalMembers(*_pSim, list).count(email(2)));
                if (user == "api@example.com") {
                    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/listsubscription"));
                    CPPUNIT_ASSERT(result.items.at(1).status == ItemStatus::Skipped);
                } else {
                    CPPUNIT_ASSERT_EQUAL(std::size_t(2), successfulCalls(*_pSim, "POST", "/api/import"));
                }
            } else {
                CPPUNIT_ASSERT(r.status == ItemStatus::Skipped);
                CPPUNIT_ASSERT_EQUAL(std::string("remove_on_exit is off"), r.message);
                CPPUNIT_ASSERT_EQUAL(std::size_t(5), normalMembers(*_pSim, list).size());
                CPPUNIT_ASSERT_EQUAL(std::size_t(0), successfulCalls(*_pSim, "POST", "/api/listsubscription"));
                CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/import"));
            }
            for (const auto& m : _pSim->mutations()) CPPUNIT_ASSERT(m.method != "DELETE");
        }
    }
}

void PostupExportJobTest::testMappedFieldsArriveAsDemographics() {
    auto ctx = context(*_pSim, config(R"("field_mappings":{"first_name":"firstName","points":"LoyaltyPoints","city":"city","notes":"Notes"})"));
    PostupExportJob job;
    auto prepared = job.prepare(*ctx);
    CPPUNIT_ASSERT_MESSAGE(prepared.message, prepared.isOk());
    auto result = job.deliver(*ctx, {change(1, ChangeKind::Enter, "ada@export.example.com",
                                            {{"first_name", "Ada"}, {"points", "1234"}, {"city", "Zürich"}, {"notes", "two\tcells \"quoted\""}})});
    CPPUNIT_ASSERT(result.outcome.isOk());
    CPPUNIT_ASSERT(result.items.at(0).status == ItemStatus::Delivered);

    auto transport = fastTransport();
    plugins::postup::PostupClient client(*transport, _pSim->apiBaseUrl(), "api@example.com", "secret");
    auto recipient = client.recipientByAddress("ada@export.example.com");
    CPPUNIT_ASSERT(recipient.has_value());
    std::map<std::string, std::string> demographics(recipient->demographics.begin(), recipient->demographics.end());
    CPPUNIT_ASSERT_EQUAL(std::string("Ada"), demographics["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::string("1234"), demographics["LoyaltyPoints"]);
    CPPUNIT_ASSERT_EQUAL(std::string("Zürich"), demographics["_City"]);
    CPPUNIT_ASSERT_EQUAL(std::string("two\tcells \"quoted\""), demographics["Notes"]);

    // An update changes the demographic of the existing recipient.
    result = job.deliver(*ctx, {change(2, ChangeKind::Update, "ada@export.example.com", {{"first_name", "Ada L."}, {"points", "1300"}})});
    CPPUNIT_ASSERT(result.items.at(0).status == ItemStatus::Delivered);
    recipient = client.recipientByAddress("ada@export.example.com");
    demographics = std::map<std::string, std::string>(recipient->demographics.begin(), recipient->demographics.end());
    CPPUNIT_ASSERT_EQUAL(std::string("Ada L."), demographics["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::string("1300"), demographics["LoyaltyPoints"]);
}

void PostupExportJobTest::testMissingFieldLeavesDemographicAlone() {
    auto ctx = context(*_pSim, config(R"("field_mappings":{"first_name":"FirstName","city":"city"})"));
    PostupExportJob job;
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
    const std::int64_t templatesAtStart = static_cast<std::int64_t>(successfulCalls(*_pSim, "POST", "/api/importtemplate"));
    auto result = job.deliver(*ctx, {change(1, ChangeKind::Enter, "ada@export.example.com", {{"first_name", "Ada"}, {"city", "Zürich"}}),
                                     change(2, ChangeKind::Enter, "bob@export.example.com", {{"first_name", "Bob"}, {"city", "Bern"}})});
    for (const auto& r : result.items) CPPUNIT_ASSERT_MESSAGE(r.message, r.status == ItemStatus::Delivered);
    _pSim->clearMutations();

    // Ada's profile lost first_name, Bob's has an empty one (present: it is
    // sent and blanks the value), Carl is new and has no city.
    result = job.deliver(*ctx, {change(3, ChangeKind::Update, "ada@export.example.com", {{"city", "Basel"}}),
                                change(4, ChangeKind::Update, "bob@export.example.com", {{"first_name", ""}, {"city", "Chur"}}),
                                change(5, ChangeKind::Enter, "carl@export.example.com", {{"first_name", "Carl"}})});
    CPPUNIT_ASSERT(result.outcome.isOk());
    for (const auto& r : result.items) CPPUNIT_ASSERT_MESSAGE(r.message, r.status == ItemStatus::Delivered);
    auto ada = demographicsOf(*_pSim, "ada@export.example.com");
    CPPUNIT_ASSERT_EQUAL(std::string("Ada"), ada["FirstName"]); // not blanked
    CPPUNIT_ASSERT_EQUAL(std::string("Basel"), ada["_City"]);
    auto bob = demographicsOf(*_pSim, "bob@export.example.com");
    CPPUNIT_ASSERT_EQUAL(std::string(""), bob["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::string("Chur"), bob["_City"]);
    auto carl = demographicsOf(*_pSim, "carl@export.example.com");
    CPPUNIT_ASSERT_EQUAL(std::string("Carl"), carl["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::string(""), carl["_City"]);
    // One import per column set; the two partial templates are created once.
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), successfulCalls(*_pSim, "POST", "/api/import"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), successfulCalls(*_pSim, "POST", "/api/importtemplate"));
    auto state = ExportState::parse(ctx->loadState());
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), state.partialTemplates.size());
    CPPUNIT_ASSERT(state.partialTemplates.count("Recips.ADDRESS,Demographics._City"));
    CPPUNIT_ASSERT(state.partialTemplates.count("Recips.ADDRESS,Demographics.FirstName"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), templatesAtStart);
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), normalMembers(*_pSim, listOf(*ctx)).size());

    // Later batches reuse them, also after a restart (they are in the state).
    PostupExportJob restarted;
    CPPUNIT_ASSERT(restarted.prepare(*ctx).isOk());
    result = restarted.deliver(*ctx, {change(6, ChangeKind::Update, "ada@export.example.com", {{"city", "Genf"}})});
    CPPUNIT_ASSERT(result.items.at(0).status == ItemStatus::Delivered);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), successfulCalls(*_pSim, "POST", "/api/importtemplate"));
    ada = demographicsOf(*_pSim, "ada@export.example.com");
    CPPUNIT_ASSERT_EQUAL(std::string("Ada"), ada["FirstName"]);
    CPPUNIT_ASSERT_EQUAL(std::string("Genf"), ada["_City"]);
}

void PostupExportJobTest::testOptedOutRecipientSkipped() {
    // PostUp recipients who opted out of all mail: one the site already
    // has, and a normal existing recipient that is not on the list yet.
    auto created = apiCall(*_pSim, "POST", "/recipient", R"({"address":"optout@export.example.com","channel":"E","status":"O"})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 200, created.status);
    created = apiCall(*_pSim, "POST", "/recipient", R"({"address":"known@export.example.com","channel":"E"})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 200, created.status);

    auto ctx = context(*_pSim, config(R"("field_mappings":{"first_name":"FirstName"})"));
    PostupExportJob job;
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
    auto batch = enters(1, 4);
    batch.push_back(change(10, ChangeKind::Enter, "optout@export.example.com", {{"first_name", "Olga"}}));
    batch.push_back(change(11, ChangeKind::Enter, "known@export.example.com", {{"first_name", "Kim"}}));
    auto result = job.deliver(*ctx, batch);
    CPPUNIT_ASSERT(result.outcome.isOk());
    auto items = byId(result);
    for (std::int64_t id : {1, 2, 3, 11}) CPPUNIT_ASSERT_MESSAGE(items[id].message, items[id].status == ItemStatus::Delivered);
    CPPUNIT_ASSERT(items[10].status == ItemStatus::Skipped);
    CPPUNIT_ASSERT_EQUAL(std::string(PostupExportJob::kOptedOutReason), items[10].message);

    std::set<std::string> expected{email(1), email(2), email(3), "known@export.example.com"};
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, listOf(*ctx)));
    // PostUp updated the opted-out recipient but did not subscribe it.
    CPPUNIT_ASSERT_EQUAL(std::string("Olga"), demographicsOf(*_pSim, "optout@export.example.com")["FirstName"]);
    auto transport = fastTransport();
    plugins::postup::PostupClient client(*transport, _pSim->apiBaseUrl(), "api@example.com", "secret");
    auto optedOut = client.recipientByAddress("optout@export.example.com");
    CPPUNIT_ASSERT(optedOut.has_value());
    CPPUNIT_ASSERT(!client.subscription(listOf(*ctx), optedOut->recipientId).has_value());

    // A later batch of new recipients goes through as one import.
    _pSim->clearMutations();
    result = job.deliver(*ctx, enters(20, 23));
    for (const auto& r : result.items) CPPUNIT_ASSERT(r.status == ItemStatus::Delivered);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/import"));
}

void PostupExportJobTest::testBadEmailsRejectedRestDelivered() {
    auto ctx = context(*_pSim, config());
    PostupExportJob job;
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
    auto batch = enters(1, 9);
    batch.push_back(change(50, ChangeKind::Enter, "not-an-address"));
    batch.push_back(change(51, ChangeKind::Enter, "bob@localhost"));
    batch.push_back(change(52, ChangeKind::Enter, ""));
    auto result = job.deliver(*ctx, batch);
    CPPUNIT_ASSERT(result.outcome.isOk());
    auto results = byId(result);
    for (int i = 1; i < 9; ++i) CPPUNIT_ASSERT(results[i].status == ItemStatus::Delivered);
    CPPUNIT_ASSERT(results[50].status == ItemStatus::Rejected);
    CPPUNIT_ASSERT_EQUAL(std::string("invalid email address \"not-an-address\": no '@'"), results[50].message);
    CPPUNIT_ASSERT(results[51].status == ItemStatus::Rejected);
    CPPUNIT_ASSERT(results[51].message.find("bob@localhost") != std::string::npos);
    CPPUNIT_ASSERT(results[52].status == ItemStatus::Rejected);
    CPPUNIT_ASSERT(results[52].message.find("empty") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::size_t(8), normalMembers(*_pSim, listOf(*ctx)).size());
}

void PostupExportJobTest::testCurrencyMappingRefusedBeforeAnyCall() {
    _pSim->clearMutations();
    auto ctx = context(*_pSim, config(R"("field_mappings":{"first_name":"FirstName","ltv":"LifetimeValue"})"));
    PostupExportJob job;
    auto outcome = job.prepare(*ctx);
    CPPUNIT_ASSERT(outcome.status == sdk::OutcomeStatus::Fail);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.message.find("LifetimeValue") != std::string::npos);
    CPPUNIT_ASSERT_MESSAGE(outcome.message, outcome.message.find("CURRENCY") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), _pSim->mutations().size());

    auto tier = context(*_pSim, config(R"("field_mappings":{"tier":"Tier"})"));
    outcome = PostupExportJob().prepare(*tier);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(outcome.message.find("SINGLE_CHARACTER") != std::string::npos);
    // deliver() on an unprepared job prepares first, and fails the same way without writing.
    auto delivered = PostupExportJob().deliver(*tier, enters(1, 3));
    CPPUNIT_ASSERT(delivered.outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), _pSim->mutations().size());
}

void PostupExportJobTest::testUnknownFieldRefused() {
    auto ctx = context(*_pSim, config(R"("field_mappings":{"x":"NoSuchField"})"));
    auto outcome = PostupExportJob().prepare(*ctx);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(outcome.message.find("NoSuchField") != std::string::npos);
    auto inactive = context(*_pSim, config(R"("field_mappings":{"x":"LegacyCode"})"));
    outcome = PostupExportJob().prepare(*inactive);
    CPPUNIT_ASSERT(outcome.failure == sdk::FailureClass::Config);
    CPPUNIT_ASSERT(outcome.message.find("inactive") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), _pSim->mutations().size());
}

void PostupExportJobTest::testFaultsEndWithSameList() {
    sim::FaultSettings faults;
    faults.seed = 7;
    sim::FaultRule error;
    error.kind = sim::FaultKind::Error;
    error.route = "/api/import";
    error.rate = 0.4;
    sim::FaultRule throttle;
    throttle.kind = sim::FaultKind::Throttle;
    throttle.route = "*";
    throttle.rate = 0.2;
    throttle.limit = 4;
    throttle.retryAfterSeconds = 0;
    sim::FaultRule subscriptionErrors = error;
    subscriptionErrors.route = "/api/listsubscription";
    faults.rules = {error, throttle, subscriptionErrors};
    _pSim->setFaults(faults);

    // A transport with few retries, so some failures reach the plugin.
    PocoHttpTransport::Options o;
    o.retry = RetrySettings{2, 5, 20, 0};
    auto ctx = context(*_pSim, config(R"("remove_on_exit":true,"batch_size":10)"), std::make_shared<PocoHttpTransport>(o));
    PostupExportJob job;
    sdk::Outcome prepared;
    for (int i = 0; i < 20 && !(prepared = job.prepare(*ctx)).isOk(); ++i)
        CPPUNIT_ASSERT_MESSAGE(prepared.message, prepared.status == sdk::OutcomeStatus::Retry);
    CPPUNIT_ASSERT(prepared.isOk());

    // Everyone enters in batches of 10, then 1..10 exit; retry what comes back as RetryLater.
    std::vector<sdk::ExportChange> queue = enters(1, 61);
    for (int i = 1; i <= 10; ++i) queue.push_back(change(100 + i, ChangeKind::Exit, email(i)));
    int retried = 0;
    for (int round = 0; round < 200 && !queue.empty(); ++round) {
        std::vector<sdk::ExportChange> batch(queue.begin(), queue.begin() + std::min<std::size_t>(10, queue.size()));
        auto result = job.deliver(*ctx, batch);
        std::vector<sdk::ExportChange> again;
        if (!result.outcome.isOk()) {
            CPPUNIT_ASSERT_MESSAGE(result.outcome.message, result.outcome.status == sdk::OutcomeStatus::Retry);
            again = batch;
        } else {
            auto results = byId(result);
            for (const auto& c : batch) {
                CPPUNIT_ASSERT_MESSAGE(results[c.itemId].message, results[c.itemId].status != ItemStatus::Rejected);
                if (results[c.itemId].status == ItemStatus::RetryLater) again.push_back(c);
            }
        }
        retried += static_cast<int>(again.size());
        queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(batch.size()));
        queue.insert(queue.begin(), again.begin(), again.end()); // order per user kept
    }
    CPPUNIT_ASSERT(queue.empty());
    std::set<std::string> expected;
    for (int i = 11; i < 61; ++i) expected.insert(email(i));
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, listOf(*ctx)));
    int fired = 0;
    for (const auto& rule : _pSim->faults().rules) fired += rule.fired;
    CPPUNIT_ASSERT(fired > 0);
}

void PostupExportJobTest::testInterruptedImportIsResumedNotRepeated() {
    sim::FaultSettings slow;
    slow.slowImportMs = 300;
    _pSim->setFaults(slow);
    auto hook = std::make_shared<HookTransport>(fastTransport());
    auto ctx = context(*_pSim, config(), hook);
    hook->after = [&](const sdk::HttpRequest& request, const sdk::HttpResponse&) {
        const std::string& u = request.url;
        if (request.method == "POST" && u.size() >= 11 && u.compare(u.size() - 11, 11, "/api/import") == 0) ctx->setCancelled(true);
    };
    PostupExportJob job;
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
    auto batch = enters(1, 21);
    auto first = job.deliver(*ctx, batch);
    CPPUNIT_ASSERT(first.outcome.isOk());
    for (const auto& r : first.items) CPPUNIT_ASSERT(r.status == ItemStatus::RetryLater);
    auto state = ExportState::parse(ctx->loadState());
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), state.pendingImports.size());
    CPPUNIT_ASSERT_EQUAL(std::size_t(20), state.pendingImports.front().itemIds.size());

    // A new process: a fresh job object with the saved state gets the same batch.
    auto ctx2 = context(*_pSim, config());
    ctx2->setState(ctx->loadState());
    PostupExportJob restarted;
    CPPUNIT_ASSERT(restarted.prepare(*ctx2).isOk());
    auto second = restarted.deliver(*ctx2, batch);
    CPPUNIT_ASSERT(second.outcome.isOk());
    for (const auto& r : second.items) CPPUNIT_ASSERT_MESSAGE(r.message, r.status == ItemStatus::Delivered);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), successfulCalls(*_pSim, "POST", "/api/import"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(20), normalMembers(*_pSim, listOf(*ctx2)).size());

    // The next batch (other users) clears the old pending import and imports once more.
    auto third = restarted.deliver(*ctx2, enters(30, 35));
    for (const auto& r : third.items) CPPUNIT_ASSERT(r.status == ItemStatus::Delivered);
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), successfulCalls(*_pSim, "POST", "/api/import"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(25), normalMembers(*_pSim, listOf(*ctx2)).size());
}

void PostupExportJobTest::testLostImportAnswerIsFoundNotSentAgain() {
    // Found by scripts/chaos: PostUp took the rows but the answer to POST
    // /import was cut off; the transport sent the POST again and every row
    // was imported twice. Now the POST is not repeated and the job finds its
    // import through GET /import?importTemplateId=.
    sim::FaultSettings faults;
    sim::FaultRule cut;
    cut.kind = sim::FaultKind::Truncate;
    cut.route = "POST /api/import";
    cut.limit = 1;
    faults.rules.push_back(cut);
    auto ctx = context(*_pSim, config());
    PostupExportJob job;
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
    _pSim->setFaults(faults);
    _pSim->clearMutations();
    auto result = job.deliver(*ctx, enters(1, 11));
    CPPUNIT_ASSERT_MESSAGE(result.outcome.message, result.outcome.isOk());
    CPPUNIT_ASSERT_EQUAL(std::size_t(10), result.items.size());
    for (const auto& r : result.items) CPPUNIT_ASSERT_MESSAGE(r.message, r.status == ItemStatus::Delivered);
    std::size_t posts = 0;
    for (const auto& m : _pSim->mutations()) posts += m.method == "POST" && m.path == "/api/import";
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), posts);
    std::set<std::string> expected;
    for (int i = 1; i <= 10; ++i) expected.insert(email(i));
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, listOf(*ctx)));
}

void PostupExportJobTest::testResumedDeliveryInterruptedAgainIsNotRepeated() {
    // Found by scripts/chaos (kill point export-results, twice): the delivery
    // that resumed an import cleared it from the state before the host had
    // recorded the results; killed once more, the host sent the batch a third
    // time and its rows were imported again.
    auto ctx = context(*_pSim, config());
    PostupExportJob job;
    CPPUNIT_ASSERT(job.prepare(*ctx).isOk());
    const auto batch = enters(1, 6);
    CPPUNIT_ASSERT(job.deliver(*ctx, batch).outcome.isOk()); // host dies before recording: same batch again
    for (int restart = 0; restart < 2; ++restart) {
        auto next = context(*_pSim, config());
        next->setState(ctx->loadState());
        PostupExportJob again;
        CPPUNIT_ASSERT(again.prepare(*next).isOk());
        auto result = again.deliver(*next, batch);
        CPPUNIT_ASSERT(result.outcome.isOk());
        for (const auto& r : result.items) CPPUNIT_ASSERT_MESSAGE(r.message, r.status == ItemStatus::Delivered);
        CPPUNIT_ASSERT_EQUAL_MESSAGE("restart " + std::to_string(restart), std::size_t(1), successfulCalls(*_pSim, "POST", "/api/import"));
        ctx = std::move(next);
    }
    // A batch of other changes drops the old import from the state and imports once.
    PostupExportJob later;
    CPPUNIT_ASSERT(later.prepare(*ctx).isOk());
    CPPUNIT_ASSERT(later.deliver(*ctx, enters(10, 12)).outcome.isOk());
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), successfulCalls(*_pSim, "POST", "/api/import"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), ExportState::parse(ctx->loadState()).pendingImports.size());
}

} // namespace jobhost::host::exports::test
