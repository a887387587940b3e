// ProfileApiTest.cpp — jobhost console tests: GET /api/v1/profiles pages with a cursor, GET /api/v1/profiles/export streams.
// SPDX-License-Identifier: Apache-2.0
#include "ProfileApiTest.h"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "audiences/MembershipRepository.h"
#include "profiles/ProfileCodec.h"
#include "profiles/ProfileRepository.h"
#include "store/AudienceDefinitionRepository.h"

using namespace jobhost::host;

namespace {

const Poco::Int64 kProfiles = 250;
const char* const kAudience = "every-fifth";

profiles::Profile sampleProfile(Poco::Int64 id) {
    profiles::Profile p;
    lql::TimeMs at{1764547200000 + id * 1000};
    p.apply({"email", lql::FieldKind::String, lql::MergeOp::Latest, lql::Value("u" + std::to_string(id) + "@example.com"), at});
    if (id % 4 != 0)
        p.apply({"first_name", lql::FieldKind::String, lql::MergeOp::Latest,
                 lql::Value(id % 7 == 0 ? std::string("Jo, \"Jr\"\nthe 2nd") : "First" + std::to_string(id)), at});
    p.apply({"pu_score", lql::FieldKind::Int, lql::MergeOp::Latest, lql::Value(static_cast<std::int64_t>(id * 3)), at});
    p.apply({"pu_lists", lql::FieldKind::StringSet, lql::MergeOp::Merge, lql::Value(lql::Value::List{"l" + std::to_string(id % 3)}), at});
    p.apply({"pu_last_open", lql::FieldKind::Date, lql::MergeOp::Latest, lql::Value(at), at});
    return p;
}

/// Profiles 1..250 with email keys, ids 251..260 merged into earlier ones,
/// audience every-fifth = ids divisible by 5.
void seed(Store& store) {
    Poco::Data::Session session = store.openSession();
    profiles::ProfileRepository repository(session);
    audiences::MembershipRepository memberships(session);
    lql::TimeMs now{1764547200000 + 1000000};
    session.begin();
    AudienceDefinitionRepository(session).insert({kAudience, "Every fifth", "email IS NOT NULL", now.ms, now.ms});
    std::vector<profiles::ProfileId> ids;
    std::vector<std::string> encoded;
    std::vector<std::pair<profiles::IdentityKey, profiles::ProfileId>> keys;
    std::vector<audiences::MembershipRepository::Member> members;
    for (Poco::Int64 id = 1; id <= kProfiles; ++id) {
        ids.push_back(id);
        encoded.push_back(profiles::ProfileCodec::encode(sampleProfile(id)));
        keys.push_back({{"email", "u" + std::to_string(id) + "@example.com"}, id});
        if (id % 5 == 0) members.push_back({kAudience, id, now});
    }
    repository.insertProfiles(ids, ids, now);
    repository.saveEncoded(ids, encoded, now);
    repository.attachMany(keys);
    memberships.addMembers(members);
    std::vector<profiles::ProfileId> merged, into;
    for (Poco::Int64 k = 1; k <= 10; ++k) {
        merged.push_back(kProfiles + k);
        into.push_back(k * 20);
    }
    repository.insertProfiles(merged, into, now);
    session.commit();
}

std::string canonical(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    return out.str();
}

std::string expectedPlain(Poco::Int64 id) { return canonical(Poco::JSON::Parser().parse(sampleProfile(id).toPlainJson())); }

/// Follows `next` from `query` ("limit=40"); returns the listed ids, checking every entry.
std::vector<Poco::Int64> followPages(ConsoleFixture& console, const std::string& query, Poco::Int64 expectedCount, int& pages) {
    std::vector<Poco::Int64> ids;
    std::string cursor;
    pages = 0;
    for (;;) {
        HttpResult r = console.call("GET", "/api/v1/profiles?" + query + (cursor.empty() ? "" : "&after=" + cursor));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 200, r.status);
        ++pages;
        auto body = r.object();
        CPPUNIT_ASSERT_EQUAL(expectedCount, body->getValue<Poco::Int64>("count"));
        auto list = body->getArray("profiles");
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto entry = list->getObject(static_cast<unsigned>(i));
            Poco::Int64 id = entry->getValue<Poco::Int64>("id");
            CPPUNIT_ASSERT_EQUAL("u" + std::to_string(id) + "@example.com", entry->getValue<std::string>("email"));
            CPPUNIT_ASSERT_EQUAL(sampleProfile(id).updated().ms, entry->getValue<Poco::Int64>("updated"));
            CPPUNIT_ASSERT_EQUAL(expectedPlain(id), canonical(entry->getObject("profile")));
            ids.push_back(id);
        }
        if (body->isNull("next")) return ids;
        cursor = body->getValue<std::string>("next");
        CPPUNIT_ASSERT_EQUAL(std::to_string(ids.back()), cursor);
        CPPUNIT_ASSERT_MESSAGE("pages never end", pages < 100);
    }
}

} // namespace

void ProfileApiTest::setUp() {
    _pConsole = std::make_unique<ConsoleFixture>();
    seed(_pConsole->store());
}

void ProfileApiTest::tearDown() { _pConsole.reset(); }

void ProfileApiTest::testPagesFollowTheCursorThroughEveryProfileOnce() {
    int pages = 0;
    auto ids = followPages(*_pConsole, "limit=40", kProfiles, pages);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(kProfiles), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) CPPUNIT_ASSERT_EQUAL(static_cast<Poco::Int64>(i + 1), ids[i]);
    CPPUNIT_ASSERT_EQUAL(7, pages); // 6 full pages of 40, then 10

    // Default page size 50; a page that ends exactly at the last profile says so.
    HttpResult first = _pConsole->call("GET", "/api/v1/profiles");
    CPPUNIT_ASSERT_EQUAL(std::size_t(50), first.object()->getArray("profiles")->size());
    CPPUNIT_ASSERT_EQUAL(std::string("50"), first.object()->getValue<std::string>("next"));
    HttpResult last = _pConsole->call("GET", "/api/v1/profiles?limit=50&after=200");
    CPPUNIT_ASSERT_EQUAL(std::size_t(50), last.object()->getArray("profiles")->size());
    CPPUNIT_ASSERT(last.object()->isNull("next"));
}

void ProfileApiTest::testAudiencePagesHoldOnlyItsMembers() {
    int pages = 0;
    auto ids = followPages(*_pConsole, std::string("limit=20&audience=") + kAudience, kProfiles / 5, pages);
    CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(kProfiles / 5), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) CPPUNIT_ASSERT_EQUAL(static_cast<Poco::Int64>((i + 1) * 5), ids[i]);
    CPPUNIT_ASSERT_EQUAL(3, pages);
}

void ProfileApiTest::testBadListParametersAreRefusedNamingTheParameter() {
    const std::vector<std::tuple<std::string, int, std::string>> cases{
        {"limit=0", 400, "limit"},      {"limit=1001", 400, "limit"},  {"limit=abc", 400, "limit"},
        {"after=-1", 400, "after"},     {"after=abc", 400, "after"},   {"audience=nope", 404, "audience"},
    };
    for (const auto& [query, status, field] : cases) {
        HttpResult r = _pConsole->call("GET", "/api/v1/profiles?" + query);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(query + ": " + r.body, status, r.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(query + ": " + r.body, field, r.errorField());
    }
    CPPUNIT_ASSERT_EQUAL(401, _pConsole->anonymous("GET", "/api/v1/profiles?limit=5").status);
}

void ProfileApiTest::testExportStreamsJsonLinesThatParseBack() {
    HttpResult r = _pConsole->call("GET", "/api/v1/profiles/export");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body.substr(0, 500), 200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("application/x-ndjson"), r.headers.get("Content-Type", ""));
    std::istringstream lines(r.body);
    std::string line;
    Poco::Int64 expected = 0;
    while (std::getline(lines, line)) {
        ++expected;
        auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(line, expected, object->getValue<Poco::Int64>("id"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(line, expectedPlain(expected), canonical(object->getObject("profile")));
    }
    CPPUNIT_ASSERT_EQUAL(kProfiles, expected);
    CPPUNIT_ASSERT_EQUAL(401, _pConsole->anonymous("GET", "/api/v1/profiles/export").status);
}

void ProfileApiTest::testExportStreamsCsvOfChosenFieldsForAnAudience() {
    HttpResult r = _pConsole->call("GET", std::string("/api/v1/profiles/export?format=csv&fields=first_name,email,pu_score&audience=") + kAudience);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body.substr(0, 500), 200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("text/csv; charset=utf-8"), r.headers.get("Content-Type", ""));
    std::string expected = "id,first_name,email,pu_score\r\n";
    for (Poco::Int64 id = 5; id <= kProfiles; id += 5) {
        std::string first = id % 4 == 0 ? "" : id % 7 == 0 ? "\"Jo, \"\"Jr\"\"\nthe 2nd\"" : "First" + std::to_string(id);
        expected += std::to_string(id) + "," + first + ",u" + std::to_string(id) + "@example.com," + std::to_string(id * 3) + "\r\n";
    }
    CPPUNIT_ASSERT_EQUAL(expected, r.body);
}

void ProfileApiTest::testBadExportParametersAreRefusedBeforeAnyBody() {
    const std::vector<std::tuple<std::string, int, std::string>> cases{
        {"format=xml", 400, "format"},
        {"format=csv&fields=email,,x", 400, "fields"},
        {"audience=nope", 404, "audience"},
    };
    for (const auto& [query, status, field] : cases) {
        HttpResult r = _pConsole->call("GET", "/api/v1/profiles/export?" + query);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(query + ": " + r.body, status, r.status);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(query + ": " + r.body, field, r.errorField());
    }
}
