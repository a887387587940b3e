// AuthorizationApiTest.cpp — jobhost console tests: write-only secrets, validation, audit.
// SPDX-License-Identifier: Apache-2.0
#include "AuthorizationApiTest.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/JSON/Array.h>

#include "ConsoleFixture.h"
#include "store/AuthorizationRepository.h"

using namespace jobhost::host;

namespace {
const std::string kCanary = ConsoleFixture::Canary;

std::string body(const std::string& name, const std::string& fields) {
    return R"({"name":")" + name + R"(","provider":"postup","method":"password","fields":)" + fields + "}";
}
} // namespace

void AuthorizationApiTest::setUp() { _pConsole = std::make_unique<ConsoleFixture>(); }
void AuthorizationApiTest::tearDown() { _pConsole.reset(); }

void AuthorizationApiTest::testCreateAndList() {
    int audits = _pConsole->auditCount();
    _pConsole->createAuthorization("postup-main");
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("create authorization:postup-main"), _pConsole->lastAudit());
    HttpResult r = _pConsole->call("GET", "/api/v1/authorizations");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    Poco::JSON::Array::Ptr items = r.object()->getArray("authorizations");
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), items->size());
    Poco::JSON::Object::Ptr a = items->getObject(0);
    CPPUNIT_ASSERT_EQUAL(std::string("postup-main"), a->getValue<std::string>("name"));
    CPPUNIT_ASSERT_EQUAL(std::string("ops@example.com"), a->getObject("fields")->getValue<std::string>("username"));
    CPPUNIT_ASSERT(!a->getObject("fields")->has("password"));
    Poco::JSON::Object::Ptr secret = a->getArray("secretFields")->getObject(0);
    CPPUNIT_ASSERT_EQUAL(std::string("password"), secret->getValue<std::string>("name"));
    CPPUNIT_ASSERT(secret->getValue<bool>("set"));
}

void AuthorizationApiTest::testSecretsNeverInAnyResponse() {
    _pConsole->createAuthorization("postup-main");
    _pConsole->createJob("nightly", "postup-main");
    // Every read route, an update that re-sends the secret, a failed create
    // carrying it, a test, the audit log and the metrics.
    _pConsole->call("GET", "/api/v1/authorizations");
    _pConsole->call("PUT", "/api/v1/authorizations/postup-main",
                    R"({"provider":"postup","method":"password","label":"Renamed","fields":{"username":"ops@example.com","password":")" + kCanary +
                        R"(x"}})");
    _pConsole->call("POST", "/api/v1/authorizations", body("postup-main", R"({"username":"u","password":")" + kCanary + R"("})"));
    _pConsole->call("POST", "/api/v1/authorizations", body("other", R"({"password":")" + kCanary + R"(","bogus":1})"));
    _pConsole->call("POST", "/api/v1/authorizations/postup-main/test");
    _pConsole->call("GET", "/api/v1/jobs");
    _pConsole->call("GET", "/api/v1/jobs/nightly");
    _pConsole->call("GET", "/api/v1/audit");
    _pConsole->call("GET", "/api/v1/runs");
    _pConsole->call("GET", "/metrics");
    _pConsole->call("GET", "/api/v1/providers/postup");
    CPPUNIT_ASSERT(!_pConsole->canarySeen());
    // The audit rows themselves hold no secret either.
    Poco::Data::Session session = _pConsole->store().openSession();
    std::string detail;
    Poco::Data::Statement s(session);
    s << "SELECT group_concat(detail, '|') FROM audit_log";
    s.execute();
    Poco::Data::RecordSet rows(s);
    rows.moveFirst();
    detail = rows.value(0).convert<std::string>();
    CPPUNIT_ASSERT(detail.find(kCanary) == std::string::npos);
    CPPUNIT_ASSERT(detail.find("password") != std::string::npos); // named as changed, never shown
}

void AuthorizationApiTest::testValidationNamesField() {
    struct Case {
        std::string body;
        std::string field;
    };
    std::vector<Case> cases{
        {body("a", R"({"username":"u"})"), "fields.password"},
        {body("a", R"({"username":"u","password":"p","colour":"red"})"), "fields.colour"},
        {body("a", R"({"username":7,"password":"p"})"), "fields.username"},
        {body("bad name!", R"({"username":"u","password":"p"})"), "name"},
        {R"({"provider":"postup","method":"password","fields":{"username":"u","password":"p"}})", "name"},
        {R"({"name":"a","provider":"nope","method":"password","fields":{}})", "provider"},
        {R"({"name":"a","provider":"postup","method":"oauth","fields":{}})", "method"},
        {R"({"name":"a","provider":"postup","method":"password","fields":[]})", "fields"},
        {R"({"name":"a","provider":"postup","method":"password","fields":{"username":"u","password":"p"},"extra":1})", "extra"},
    };
    int audits = _pConsole->auditCount();
    for (const auto& c : cases) {
        HttpResult r = _pConsole->call("POST", "/api/v1/authorizations", c.body);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, 400, r.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body + " → " + r.body, c.field, r.errorField());
        CPPUNIT_ASSERT_MESSAGE(r.body, r.errorMessage().find(c.field) != std::string::npos);
    }
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), _pConsole->call("GET", "/api/v1/authorizations").object()->getArray("authorizations")->size());
}

void AuthorizationApiTest::testSecretOfWrongTypeNotEchoed() {
    // A number where the password string belongs: the type error must not quote it.
    HttpResult r = _pConsole->call("POST", "/api/v1/authorizations", body("a", R"({"username":"u","password":987654321987})"));
    CPPUNIT_ASSERT_EQUAL(400, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("fields.password"), r.errorField());
    CPPUNIT_ASSERT(r.body.find("987654321987") == std::string::npos);
}

void AuthorizationApiTest::testDuplicateNameConflict() {
    _pConsole->createAuthorization("dup");
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("POST", "/api/v1/authorizations", body("dup", R"({"username":"u","password":"p"})"));
    CPPUNIT_ASSERT_EQUAL(409, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("name"), r.errorField());
    CPPUNIT_ASSERT_EQUAL(audits, _pConsole->auditCount());
}

void AuthorizationApiTest::testUpdateKeepsSecretAndAudits() {
    _pConsole->createAuthorization("main");
    AuthorizationRecord before;
    {
        Poco::Data::Session session = _pConsole->store().openSession();
        before = AuthorizationRepository(session).get("main");
    }
    int audits = _pConsole->auditCount();
    HttpResult r = _pConsole->call("PUT", "/api/v1/authorizations/main",
                                   R"({"provider":"postup","method":"password","label":"New label","fields":{"username":"ops@example.com","api_base_url":"http://127.0.0.1:1/api"}})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("New label"), r.object()->getValue<std::string>("label"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), r.object()->getArray("changed")->size()); // label only: the password was kept
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("update authorization:main"), _pConsole->lastAudit());
    // Same again: nothing changes, no audit row.
    r = _pConsole->call("PUT", "/api/v1/authorizations/main",
                        R"({"provider":"postup","method":"password","label":"New label","fields":{"username":"ops@example.com","api_base_url":"http://127.0.0.1:1/api"}})");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), r.object()->getArray("changed")->size());
    CPPUNIT_ASSERT_EQUAL(audits + 1, _pConsole->auditCount());
    // A new password is a change named "fields.password".
    r = _pConsole->call("PUT", "/api/v1/authorizations/main",
                        R"({"provider":"postup","method":"password","label":"New label","fields":{"username":"ops@example.com","password":"other","api_base_url":"http://127.0.0.1:1/api"}})");
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("fields.password"), r.object()->getArray("changed")->getElement<std::string>(0));
    CPPUNIT_ASSERT_EQUAL(audits + 2, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(404, _pConsole->call("PUT", "/api/v1/authorizations/none", R"({"provider":"postup","method":"password"})").status);
}

void AuthorizationApiTest::testAuthorizationTest() {
    _pConsole->createAuthorization("good");
    _pConsole->createAuthorization("bad-one");
    int audits = _pConsole->auditCount();
    HttpResult ok = _pConsole->call("POST", "/api/v1/authorizations/good/test");
    CPPUNIT_ASSERT_EQUAL(200, ok.status);
    CPPUNIT_ASSERT(ok.object()->getValue<bool>("ok"));
    HttpResult bad = _pConsole->call("POST", "/api/v1/authorizations/bad-one/test");
    CPPUNIT_ASSERT_EQUAL(200, bad.status);
    CPPUNIT_ASSERT(!bad.object()->getValue<bool>("ok"));
    CPPUNIT_ASSERT(bad.object()->getValue<std::string>("message").find("rejected") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(audits + 2, _pConsole->auditCount());
    CPPUNIT_ASSERT_EQUAL(std::string("test authorization:bad-one"), _pConsole->lastAudit());
}

void AuthorizationApiTest::testUnknownAuthorization404() {
    HttpResult r = _pConsole->call("POST", "/api/v1/authorizations/missing/test");
    CPPUNIT_ASSERT_EQUAL(404, r.status);
    CPPUNIT_ASSERT(r.errorMessage().find("missing") != std::string::npos);
}

void AuthorizationApiTest::testSecretSealedAtRest() {
    _pConsole->createAuthorization("sealed");
    Poco::Data::Session session = _pConsole->store().openSession();
    AuthorizationRecord record = AuthorizationRepository(session).get("sealed");
    CPPUNIT_ASSERT(record.fieldsJson.find(kCanary) == std::string::npos);
    CPPUNIT_ASSERT(record.fieldsJson.find("password") == std::string::npos);
    CPPUNIT_ASSERT(!record.secretCiphertext.empty());
    CPPUNIT_ASSERT(record.secretCiphertext.find(kCanary) == std::string::npos);
}
