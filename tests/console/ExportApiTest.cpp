// ExportApiTest.cpp — jobhost console tests: /api/v1/exports (status, outbox
// depth, dead letters with reasons, replay with an audit row in the same transaction).
// SPDX-License-Identifier: Apache-2.0
#include "ExportApiTest.h"

#include <Poco/JSON/Array.h>

#include "ConsoleFixture.h"
#include "audiences/OutboxRepository.h"
#include "console/ConsoleAudit.h"
#include "exports/DeadLetterRepository.h"
#include "exports/ExportStatusRepository.h"
#include "ExportTotalsFixture.h"

using namespace jobhost::host;

namespace {

const std::string kExport = "openers-out";
const std::string kBase = "/api/v1/exports/" + kExport;

/// An export job "openers-out" on audience "openers" with three outbox rows
/// (one in flight, one waiting for a retry, one pending), two dead letters
/// and totals; an import job "nightly" beside it. Returns the dead letter ids.
std::vector<Poco::Int64> seedExport(ConsoleFixture& console) {
    console.createAuthorization("main");
    console.createJob("nightly", "main");
    HttpResult created = console.call("POST", "/api/v1/jobs",
                                      R"({"name":")" + kExport + R"(","provider":"postup","type":"export","authorization":"main",)"
                                      R"("config":{"audience":"openers"}})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);

    Poco::Data::Session session = console.store().openSession();
    audiences::OutboxRepository outbox(session);
    Poco::Int64 now = ConsoleAudit::nowMs();
    outbox.saveSubscription({kExport, "openers", {"email"}, true, lql::TimeMs{now - 60000}});
    for (profiles::ProfileId profile : {1, 2, 3}) {
        audiences::MembershipChange change;
        change.audience = "openers";
        change.profile = profile;
        change.kind = audiences::MembershipChange::Kind::Enter;
        change.at = lql::TimeMs{now - 1000};
        outbox.enqueue(kExport, change, R"({"email":"user)" + std::to_string(profile) + R"(@example.com"})");
    }
    std::vector<audiences::OutboxItem> rows = outbox.all(kExport);
    CPPUNIT_ASSERT_EQUAL(std::size_t(3), rows.size());
    outbox.markInflight({rows[0].id, rows[1].id});
    outbox.retryLater(rows[1].id, lql::TimeMs{now + 60000});

    exports::DeadLetterRepository letters(session);
    std::vector<Poco::Int64> ids;
    for (profiles::ProfileId profile : {11, 12}) {
        audiences::OutboxItem item;
        item.id = 100 + profile;
        item.job = kExport;
        item.audience = "openers";
        item.profile = profile;
        item.event = "enter";
        item.at = lql::TimeMs{now - 5000};
        item.profileJson = R"({"email":"bad)" + std::to_string(profile) + R"("})";
        item.attempts = profile == 11 ? 1 : 10;
        ids.push_back(letters.add(item, profile == 11 ? "invalid email address \"bad11\"" : "retries exhausted", now - 4000));
    }
    exports::ExportTotals totals = exportTotals(2, 5, 1, 1, 2);
    totals.skippedBy["remove_on_exit is off"] = 1;
    exports::ExportStatusRepository(session).add(kExport, totals, now - 2000, "");
    return ids;
}

Poco::JSON::Object::Ptr exportNamed(const HttpResult& list, const std::string& job) {
    Poco::JSON::Array::Ptr exports = list.object()->getArray("exports");
    for (std::size_t i = 0; i < exports->size(); ++i)
        if (exports->getObject(static_cast<unsigned>(i))->getValue<std::string>("job") == job) return exports->getObject(static_cast<unsigned>(i));
    return nullptr;
}

} // namespace

void ExportApiTest::setUp() {
    _pConsole = std::make_unique<ConsoleFixture>();
    _deadLetters = seedExport(*_pConsole);
}

void ExportApiTest::tearDown() {
    if (_pConsole) CPPUNIT_ASSERT_MESSAGE("the authorization's secret appeared in a response", !_pConsole->canarySeen());
    _pConsole.reset();
}

void ExportApiTest::testRoutesRequireToken() {
    int audits = _pConsole->auditCount();
    for (auto [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/exports"}, {"GET", kBase}, {"GET", kBase + "/dead-letters"}, {"POST", kBase + "/replay"}}) {
        HttpResult r = _pConsole->anonymous(method, path, method == "POST" ? R"({"all":true})" : "");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 401, r.status);
        CPPUNIT_ASSERT_MESSAGE(path, !r.errorMessage().empty());
        r = _pConsole->callWithToken("jht_wrong", method, path, method == "POST" ? R"({"all":true})" : "");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 401, r.status);
    }
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
    // Nothing was replayed.
    HttpResult letters = _pConsole->call("GET", kBase + "/dead-letters");
    CPPUNIT_ASSERT_EQUAL(2, letters.object()->getValue<int>("count"));
}

void ExportApiTest::testListShowsQueueAndCounters() {
    HttpResult r = _pConsole->call("GET", "/api/v1/exports");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), r.object()->getArray("exports")->size()); // the import job is not listed
    CPPUNIT_ASSERT(!exportNamed(r, "nightly"));
    Poco::JSON::Object::Ptr e = exportNamed(r, kExport);
    CPPUNIT_ASSERT(e);
    CPPUNIT_ASSERT_EQUAL(std::string("postup"), e->getValue<std::string>("provider"));
    CPPUNIT_ASSERT_EQUAL(std::string("openers"), e->getValue<std::string>("audience"));
    CPPUNIT_ASSERT_EQUAL(std::string("delivering"), e->getValue<std::string>("state"));
    CPPUNIT_ASSERT_EQUAL(3, e->getValue<int>("outboxDepth"));
    CPPUNIT_ASSERT_EQUAL(2, e->getValue<int>("waiting"));
    CPPUNIT_ASSERT_EQUAL(1, e->getValue<int>("inflight"));
    CPPUNIT_ASSERT_EQUAL(1, e->getValue<int>("retrying"));
    CPPUNIT_ASSERT_EQUAL(2, e->getValue<int>("deadLetters"));
    CPPUNIT_ASSERT(!e->get("lastDeliveryAt").isEmpty());
    CPPUNIT_ASSERT(e->get("lastError").isEmpty());
    Poco::JSON::Object::Ptr c = e->getObject("counters");
    CPPUNIT_ASSERT_EQUAL(2, c->getValue<int>("batches"));
    CPPUNIT_ASSERT_EQUAL(5, c->getValue<int>("delivered"));
    CPPUNIT_ASSERT_EQUAL(1, c->getValue<int>("skipped"));
    CPPUNIT_ASSERT_EQUAL(1, c->getValue<int>("retried"));
    CPPUNIT_ASSERT_EQUAL(2, c->getValue<int>("rejected"));
    CPPUNIT_ASSERT_EQUAL(1, c->getObject("skippedBy")->getValue<int>("remove_on_exit is off"));

    // Paused job → state paused; an export job that never ran → "not started".
    CPPUNIT_ASSERT_EQUAL(200, _pConsole->call("POST", "/api/v1/jobs/" + kExport + "/pause").status);
    HttpResult created = _pConsole->call("POST", "/api/v1/jobs",
                                         R"({"name":"fresh-out","provider":"postup","type":"export","authorization":"main","config":{"audience":"x"}})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
    r = _pConsole->call("GET", "/api/v1/exports");
    CPPUNIT_ASSERT_EQUAL(std::string("paused"), exportNamed(r, kExport)->getValue<std::string>("state"));
    Poco::JSON::Object::Ptr fresh = exportNamed(r, "fresh-out");
    CPPUNIT_ASSERT(fresh);
    CPPUNIT_ASSERT_EQUAL(std::string("not started"), fresh->getValue<std::string>("state"));
    CPPUNIT_ASSERT_EQUAL(std::string("x"), fresh->getValue<std::string>("audience")); // from the job config
    CPPUNIT_ASSERT_EQUAL(0, fresh->getValue<int>("outboxDepth"));
}

void ExportApiTest::testDetailAndUnknownExport404() {
    HttpResult r = _pConsole->call("GET", kBase);
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(kExport, r.object()->getValue<std::string>("job"));
    CPPUNIT_ASSERT_EQUAL(3, r.object()->getValue<int>("outboxDepth"));
    int audits = _pConsole->auditCount();
    for (auto [method, path] : std::vector<std::pair<std::string, std::string>>{{"GET", "/api/v1/exports/nope"},
                                                                                {"GET", "/api/v1/exports/nope/dead-letters"},
                                                                                {"POST", "/api/v1/exports/nope/replay"},
                                                                                {"GET", "/api/v1/exports/nightly"},
                                                                                {"POST", "/api/v1/exports/nightly/replay"}}) {
        HttpResult miss = _pConsole->call(method, path, method == "POST" ? R"({"all":true})" : "");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, miss.status);
        CPPUNIT_ASSERT_MESSAGE(path + ": " + miss.body, miss.errorMessage().find(path.find("nightly") != std::string::npos ? "not an export job" : "no export job") !=
                                                        std::string::npos);
    }
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
}

void ExportApiTest::testDeadLettersListedWithReason() {
    HttpResult r = _pConsole->call("GET", kBase + "/dead-letters");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(2, r.object()->getValue<int>("count"));
    Poco::JSON::Array::Ptr letters = r.object()->getArray("deadLetters");
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), letters->size());
    Poco::JSON::Object::Ptr first = letters->getObject(0);
    CPPUNIT_ASSERT_EQUAL(_deadLetters[0], first->getValue<Poco::Int64>("id"));
    CPPUNIT_ASSERT_EQUAL(std::string("invalid email address \"bad11\""), first->getValue<std::string>("reason"));
    CPPUNIT_ASSERT_EQUAL(11, first->getValue<int>("profileId"));
    CPPUNIT_ASSERT_EQUAL(std::string("enter"), first->getValue<std::string>("event"));
    CPPUNIT_ASSERT_EQUAL(std::string("retries exhausted"), letters->getObject(1)->getValue<std::string>("reason"));
    CPPUNIT_ASSERT_EQUAL(10, letters->getObject(1)->getValue<int>("attempts"));
    CPPUNIT_ASSERT(r.body.find("bad12") == std::string::npos); // profile snapshots are not shown

    HttpResult one = _pConsole->call("GET", kBase + "/dead-letters?limit=1");
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), one.object()->getArray("deadLetters")->size());
    CPPUNIT_ASSERT_EQUAL(2, one.object()->getValue<int>("count"));
    HttpResult bad = _pConsole->call("GET", kBase + "/dead-letters?limit=0");
    CPPUNIT_ASSERT_EQUAL(400, bad.status);
    CPPUNIT_ASSERT_EQUAL(std::string("limit"), bad.errorField());
}

void ExportApiTest::testReplayOneAudited() {
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("POST", kBase + "/replay", R"({"id":)" + std::to_string(_deadLetters[0]) + "}");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    CPPUNIT_ASSERT_EQUAL(1, r.object()->getValue<int>("replayed"));
    CPPUNIT_ASSERT_EQUAL(_deadLetters[0], r.object()->getArray("ids")->getElement<Poco::Int64>(0));
    Poco::JSON::Object::Ptr e = r.object()->getObject("export");
    CPPUNIT_ASSERT_EQUAL(1, e->getValue<int>("deadLetters"));
    CPPUNIT_ASSERT_EQUAL(4, e->getValue<int>("outboxDepth")); // back in the outbox

    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL("replay export:" + kExport, _pConsole->lastAudit());
    HttpResult audit = _pConsole->call("GET", "/api/v1/audit?limit=1");
    Poco::JSON::Object::Ptr row = audit.object()->getArray("audit")->getObject(0);
    CPPUNIT_ASSERT(row->getValue<std::string>("actor").rfind("console@127.0.0.1", 0) == 0);
    Poco::JSON::Object::Ptr detail = row->getObject("detail");
    CPPUNIT_ASSERT_EQUAL(2, detail->getObject("before")->getValue<int>("deadLetters"));
    CPPUNIT_ASSERT_EQUAL(1, detail->getObject("after")->getValue<int>("deadLetters"));
    CPPUNIT_ASSERT_EQUAL(1, detail->getObject("after")->getValue<int>("replayed"));

    // The same id again: gone, 404 naming the field, no audit row.
    HttpResult again = _pConsole->call("POST", kBase + "/replay", R"({"id":)" + std::to_string(_deadLetters[0]) + "}");
    CPPUNIT_ASSERT_EQUAL(404, again.status);
    CPPUNIT_ASSERT_EQUAL(std::string("id"), again.errorField());
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
}

void ExportApiTest::testReplayAllAudited() {
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("POST", kBase + "/replay", R"({"all":true})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    CPPUNIT_ASSERT_EQUAL(2, r.object()->getValue<int>("replayed"));
    CPPUNIT_ASSERT_EQUAL(0, r.object()->getObject("export")->getValue<int>("deadLetters"));
    CPPUNIT_ASSERT_EQUAL(5, r.object()->getObject("export")->getValue<int>("outboxDepth"));
    CPPUNIT_ASSERT_EQUAL(0, _pConsole->call("GET", kBase + "/dead-letters").object()->getValue<int>("count"));
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL("replay export:" + kExport, _pConsole->lastAudit());
    // Nothing left: replaying all again replays nothing (and still says so in the audit).
    r = _pConsole->call("POST", kBase + "/replay", R"({"all":true})");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(0, r.object()->getValue<int>("replayed"));
}

void ExportApiTest::testReplayValidationNamesField() {
    int audits = _pConsole->auditCount();
    struct Case {
        std::string body;
        std::string field;
    };
    const std::vector<Case> cases{
        {"{}", "id"},
        {R"({"id":"7"})", "id"},
        {R"({"id":-1})", "id"},
        {R"({"id":0})", "id"},
        {R"({"id":1.5})", "id"},
        {R"({"id":true})", "id"},
        {R"({"id":18446744073709551615})", "id"}, // beyond int64: was a Poco::RangeException (500)
        {R"({"id":1e40})", "id"},
        {R"({"all":false})", "all"},
        {R"({"all":"yes"})", "all"},
        {R"({"id":1,"all":true})", "id"},
        {R"({"ids":[1],"all":true})", "ids"},
    };
    for (const auto& c : cases) {
        HttpResult r = _pConsole->call("POST", kBase + "/replay", c.body);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body + " → " + r.body, 400, r.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body + " → " + r.body, c.field, r.errorField());
        CPPUNIT_ASSERT_MESSAGE(c.body, r.errorMessage().rfind(c.field + ": ", 0) == 0);
    }
    HttpResult malformed = _pConsole->call("POST", kBase + "/replay", "{\"id\":");
    CPPUNIT_ASSERT_EQUAL(400, malformed.status);
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(2, _pConsole->call("GET", kBase + "/dead-letters").object()->getValue<int>("count"));
}

void ExportApiTest::testReplayRolledBackWhenAuditFails() {
    {
        // A store that refuses audit rows: the replay must not happen without its audit row.
        Poco::Data::Session session = _pConsole->store().openSession();
        session << "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
            Poco::Data::Keywords::now;
    }
    HttpResult r = _pConsole->call("POST", kBase + "/replay", R"({"all":true})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 500, r.status);
    CPPUNIT_ASSERT(r.body.find("audit refused") == std::string::npos); // details go to the log only
    {
        Poco::Data::Session session = _pConsole->store().openSession();
        session << "DROP TRIGGER test_refuse_audit", Poco::Data::Keywords::now;
    }
    HttpResult e = _pConsole->call("GET", kBase);
    CPPUNIT_ASSERT_EQUAL(2, e.object()->getValue<int>("deadLetters"));
    CPPUNIT_ASSERT_EQUAL(3, e.object()->getValue<int>("outboxDepth"));
}
