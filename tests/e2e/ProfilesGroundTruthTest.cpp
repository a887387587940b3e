// ProfilesGroundTruthTest.cpp — profiles built from a real import of the PostUp simulator
// equal what the simulator's ground truth and the spec say they must hold.
// SPDX-License-Identifier: Apache-2.0
#include "ProfilesGroundTruthTest.h"

#include "E2eEnvironment.h"
#include "ExpectedProfile.h"

#include "profiles/ProfileRepository.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>

namespace jobhost::tests::e2e {
namespace {

const char* const kUser = "api@example.com";
const char* const kPassword = "secret";
const char* const kJob = "postup-import";
constexpr std::int64_t kDayMs = 86400000;
constexpr std::int64_t kWindowDays = 90;
/// No mailing may lie this close to the window's edge (covers the run's
/// duration and a scheduledTime read an hour off in the fall-back hour).
constexpr std::int64_t kEdgeMarginMs = 3 * 3600 * 1000;

std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// POST /api/listsubscription: puts `recipientId` on `listId` (NORMAL).
void subscribe(const sim::SimulatorServer& server, std::int64_t recipientId, std::int64_t listId) {
    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/api/listsubscription", Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPBasicCredentials(kUser, kPassword).authenticate(request);
    const std::string body = "{\"recipientId\":" + std::to_string(recipientId) + ",\"listId\":" + std::to_string(listId) +
                             ",\"status\":\"NORMAL\"}";
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string answer;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
    CPPUNIT_ASSERT_MESSAGE("subscribe: HTTP " + std::to_string(response.getStatus()) + " " + answer,
                           response.getStatus() / 100 == 2);
}

/// Field name → canonical value of a profile's plain JSON (`profiles show`).
std::map<std::string, std::string> plainFields(const std::string& json) {
    Poco::JSON::Parser parser;
    auto object = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    std::map<std::string, std::string> fields;
    for (const auto& [name, value] : *object) fields[name] = ExpectedProfile::canonical(value);
    return fields;
}

/// Every difference between the expectation and a stored profile, one per
/// line ("" when they agree): missing, unexpected and different fields.
std::string differences(const ExpectedProfile::Fields& expected, const std::string& plainJson) {
    const auto actual = plainFields(plainJson);
    std::string out;
    for (const auto& [field, acceptable] : expected) {
        auto it = actual.find(field);
        if (it == actual.end()) {
            out += "  missing " + field + " (expected " + acceptable.front() + ")\n";
        } else if (std::find(acceptable.begin(), acceptable.end(), it->second) == acceptable.end()) {
            std::string options;
            for (const auto& a : acceptable) options += (options.empty() ? "" : " or ") + a;
            out += "  " + field + ": expected " + options + ", found " + it->second + "\n";
        }
    }
    for (const auto& [field, value] : actual)
        if (!expected.count(field)) out += "  unexpected " + field + " = " + value + "\n";
    return out;
}

std::string configJson(const sim::SimulatorServer& server) {
    return "{\n"
           "  \"authorizations\": {\"postup-e2e\": {\"provider\": \"postup\", \"method\": \"password\",\n"
           "    \"label\": \"PostUp simulator (e2e)\",\n"
           "    \"fields\": {\"username\": \"" + std::string(kUser) + "\", \"password\": \"${env:POSTUP_PASSWORD}\",\n"
           "               \"api_base_url\": \"" + server.apiBaseUrl() + "\"}}},\n"
           "  \"jobs\": {\"" + std::string(kJob) + "\": {\"provider\": \"postup\", \"type\": \"import\", \"authorization\": \"postup-e2e\",\n"
           "    \"schedule\": {\"interval_seconds\": 3600},\n"
           "    \"config\": {\"site_id\": \"" + server.siteId() + "\", \"report_base_url\": \"" + server.reportBaseUrl() +
           "\", \"site_short_name\": \"" + server.siteName() + "\"}}}\n"
           "}\n";
}

} // namespace

void ProfilesGroundTruthTest::setUp() {
    _home = Poco::TemporaryFile::tempName();
    Poco::File(_home).createDirectories();
    _pCli = std::make_unique<JobhostCliRunner>(E2eEnvironment::jobhostExecutable, E2eEnvironment::pluginDirectory,
                                               E2eEnvironment::manifestDirectory, _home);
    _pCli->setEnvironment("POSTUP_PASSWORD", kPassword);
}

void ProfilesGroundTruthTest::tearDown() {
    _pTruth.reset();
    _pSimulator.reset(); // stops the server
    _pCli.reset();
    try {
        Poco::File(_home).remove(true);
    } catch (const Poco::Exception&) {
        // A leftover temp folder is harmless; the next test uses a new one.
    }
}

host::StoreLocation ProfilesGroundTruthTest::store() const { return E2eEnvironment::storeOf(_home); }

void ProfilesGroundTruthTest::startSimulator() {
    const std::int64_t wallSeconds = wallMs() / 1000;
    const std::int64_t windowStartMs = (wallSeconds - kWindowDays * 86400) * 1000;
    std::string rejected;
    // The seeded schedule moves with the data anchor; step the anchor back
    // until no mailing sits on the window's edge and the window holds
    // opens, clicks and bounces.
    for (int attempt = 0; attempt < 12; ++attempt) {
        sim::SimulatorOptions o;
        o.seed = 6;
        o.recipients = 60;
        o.lists = 3;
        o.membershipsPerRecipient = 2;
        o.campaigns = 4;
        o.mailingsPerCampaign = 6;
        o.eventsPerMailing = 60;
        o.now = wallSeconds - attempt * 4 * 3600;
        o.importDelayMs = 50;
        _pSimulator = std::make_unique<sim::SimulatorServer>(o);
        _pSimulator->start();
        _pTruth = std::make_unique<SimulatorGroundTruth>(*_pSimulator, kUser, kPassword);
        // Three recipients join the list they are missing, so some are on every list.
        int added = 0;
        for (const auto& [id, r] : _pTruth->recipients()) {
            if (added == 3 || r.status != "N" || r.lists.size() != 2) continue;
            for (const auto& [listId, list] : _pTruth->lists())
                if (!r.lists.count(listId)) subscribe(*_pSimulator, id, listId);
            ++added;
        }
        _pTruth = std::make_unique<SimulatorGroundTruth>(*_pSimulator, kUser, kPassword);

        bool nearEdge = false;
        std::set<std::int64_t> inWindow;
        for (const auto& m : _pTruth->mailings()) {
            if (!m.scheduledEpoch) continue;
            const std::int64_t ms = *m.scheduledEpoch * 1000;
            nearEdge = nearEdge || std::llabs(ms - windowStartMs) < kEdgeMarginMs;
            if (ms >= windowStartMs && ms <= wallSeconds * 1000) inWindow.insert(m.id);
        }
        std::set<std::string> kinds;
        for (const auto& a : _pTruth->activity())
            if (inWindow.count(a.mailingId)) kinds.insert(a.type == "SOFT" ? "HARD" : a.type);
        if (!nearEdge && kinds.size() == 3) return;
        rejected += " anchor-" + std::to_string(attempt * 4) + "h(" + (nearEdge ? "edge" : "sparse") + ")";
        _pTruth.reset();
        _pSimulator.reset();
    }
    CPPUNIT_FAIL("no data anchor gives a usable 90-day window:" + rejected);
}

void ProfilesGroundTruthTest::importOnce() {
    const std::string config = _home + "/config.json";
    std::ofstream(config) << configJson(*_pSimulator);
    auto validated = _pCli->run({"validate", config});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(validated.describe(), 0, validated.exitCode);
    auto applied = _pCli->run({"apply", config});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(applied.describe(), 0, applied.exitCode);

    const std::int64_t before = wallMs();
    auto run = _pCli->run({"job", "run", kJob});
    const std::int64_t after = wallMs();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(run.describe(), 0, run.exitCode);
    CPPUNIT_ASSERT_MESSAGE(run.describe(), contains(run.out, "profiles updated from"));

    // The import anchors its window at a moment between `before` and
    // `after`; a mailing counts only if that choice cannot matter.
    _windowMailings.clear();
    for (const auto& m : _pTruth->mailings()) {
        if (!m.scheduledEpoch) continue;
        const std::int64_t ms = *m.scheduledEpoch * 1000;
        const bool early = ms >= before - kWindowDays * kDayMs && ms <= before;
        const bool late = ms >= after - kWindowDays * kDayMs && ms <= after;
        CPPUNIT_ASSERT_EQUAL_MESSAGE("mailing " + std::to_string(m.id) + " sits on the window's edge", early, late);
        if (early) _windowMailings.insert(m.id);
    }
    CPPUNIT_ASSERT_MESSAGE("no mailing in the 90-day window", !_windowMailings.empty());
    std::size_t sentOutside = 0;
    for (const auto& m : _pTruth->mailings())
        if (m.status == "DONE" && !_windowMailings.count(m.id)) ++sentOutside;
    CPPUNIT_ASSERT_MESSAGE("every sent mailing is in the window: the 90-day rule is not exercised", sentOutside > 0);
}

std::string ProfilesGroundTruthTest::storeSnapshot() const {
    host::Store store(this->store());
    Poco::Data::Session session = store.openSession();
    host::profiles::ProfileRepository profiles(session);
    host::StreamRepository streams(session);
    std::string text;
    for (host::profiles::ProfileId id : profiles.ids()) {
        // The stored bytes themselves (hex): byte-identical means exactly that.
        std::string hex;
        for (unsigned char c : profiles.loadEncoded(id).value_or("<none>")) {
            static const char* const digits = "0123456789abcdef";
            hex += digits[c >> 4];
            hex += digits[c & 15];
        }
        text += "profile " + std::to_string(id) + " " + hex + "\n";
        for (const auto& key : profiles.keysOf(id)) text += "  key " + key.field + "=" + key.value + "\n";
    }
    for (const char* stream : {"postup_users", "postup_activity"})
        text += std::string("stream ") + stream + " head " + std::to_string(streams.headSeq(stream)) + " count " +
                std::to_string(streams.count(stream)) + "\n";
    for (const auto& [stream, position] : profiles.positions())
        text += "offset " + stream + " " + std::to_string(position) + "\n";
    text += "identities " + std::to_string(profiles.identityCount()) + "\n";
    return text;
}

void ProfilesGroundTruthTest::testModelFunctionsMatchSpecVectors() {
    // §3.7: SipHash-2-4 with k0 = 0, k1 = 1, signed; and the reference vector for key 00..0f.
    CPPUNIT_ASSERT_EQUAL(std::int64_t{-1913777820508603599},
                         ExpectedProfile::sipHash24(0, 1, "This is a string being used as an example"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5673948842516703987}, ExpectedProfile::sipHash24(0, 1, "http://www.google.com?q=123"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{4903078846009498015}, ExpectedProfile::sipHash24(0, 1, "http://go.gl"));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{2927709301837579743}, ExpectedProfile::sipHash24(0, 1, "www.example.com/promo"));
    CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(0x726fdb47dd0e0e31ULL),
                         ExpectedProfile::sipHash24(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL, ""));
    // §3.8 urlmain.
    CPPUNIT_ASSERT_EQUAL(std::string("www.Google.com/search"),
                         ExpectedProfile::urlMain("http://www.Google.com/search?q1=golang&q2=github").value_or("-"));
    CPPUNIT_ASSERT_EQUAL(std::string("www.Google.com/"), ExpectedProfile::urlMain("www.Google.com/?q=golang").value_or("-"));
    CPPUNIT_ASSERT_EQUAL(std::string("www.example.com"), ExpectedProfile::urlMain("https://www.example.com").value_or("-"));
    CPPUNIT_ASSERT_EQUAL(std::string("example.com/blog/caf\xc3\xa9"),
                         ExpectedProfile::urlMain("https://example.com/blog/caf%C3%A9").value_or("-"));
    CPPUNIT_ASSERT(!ExpectedProfile::urlMain("http://192.168.0.%31:8080/"));
    // §3.11 hourofweek; §10 E2 (Saturday 09:15 UTC).
    CPPUNIT_ASSERT_EQUAL(120, ExpectedProfile::hourOfWeek(*ExpectedProfile::centralTimeMs("2024-11-15T00:00:00Z")));
    CPPUNIT_ASSERT_EQUAL(153, ExpectedProfile::hourOfWeek(1731748527000));
    // PostUp dates: Central time with US DST, every format the simulator serves.
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00.000Z"),
                         ExpectedProfile::rfc3339(*ExpectedProfile::centralTimeMs("2024-05-01 10:00:00")));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-01-15T16:00:00.000Z"),
                         ExpectedProfile::rfc3339(*ExpectedProfile::centralTimeMs("1/15/24 10:00")));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-05-01T15:00:00.000Z"),
                         ExpectedProfile::rfc3339(*ExpectedProfile::centralTimeMs("2024-05-01T10:00:00-05:00")));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-11-03T07:30:00.000Z"), // the repeated hour reads as CST
                         ExpectedProfile::rfc3339(*ExpectedProfile::centralTimeMs("2024-11-03 01:30:00")));
    CPPUNIT_ASSERT(!ExpectedProfile::centralTimeMs("yesterday"));
}

void ProfilesGroundTruthTest::testImportedProfilesEqualGroundTruth() {
    startSimulator();
    importOnce();
    const SimulatorGroundTruth& truth = *_pTruth;

    // Each recipient is one profile (their ids, addresses and external ids
    // are all distinct), found by its PostUp id.
    std::map<std::int64_t, std::string> stored;
    {
        host::Store store(this->store());
        Poco::Data::Session session = store.openSession();
        host::profiles::ProfileRepository repo(session);
        CPPUNIT_ASSERT_EQUAL(static_cast<std::int64_t>(truth.recipients().size()), repo.count());
        for (const auto& [id, r] : truth.recipients()) {
            auto owner = repo.owner({"pu_id", std::to_string(id)});
            CPPUNIT_ASSERT_MESSAGE("no profile for recipient " + std::to_string(id), owner.has_value());
            stored[id] = repo.load(*owner)->toPlainJson();
        }
    }
    std::string failures;
    for (const auto& [id, json] : stored) {
        std::string diff = differences(ExpectedProfile::compute(truth, id, _windowMailings), json);
        if (!diff.empty()) failures += "recipient " + std::to_string(id) + ":\n" + diff;
    }
    CPPUNIT_ASSERT_MESSAGE("stored profiles differ from the ground truth:\n" + failures, failures.empty());

    // A sample through `jobhost profiles show --email`: the first recipient
    // of each kind the brief names.
    std::map<std::string, std::int64_t> sample;
    for (const auto& [id, r] : truth.recipients()) {
        const auto f = ExpectedProfile::compute(truth, id, _windowMailings);
        auto pick = [&](const std::string& kind, bool matches) {
            if (matches && !sample.count(kind)) sample[kind] = id;
        };
        pick("opens", f.count("pu_open_ct") != 0);
        pick("repeat opens", f.count("pu_open_ct") && f.at("pu_open_ct").front() != "1");
        pick("clicks", f.count("pu_click_ct") != 0);
        pick("bounces", f.count("pu_bounce_reason") != 0);
        pick("all three lists", r.lists.size() == 3);
        pick("an unsubscribed membership", r.listStatuses.count("UNSUB") != 0);
        pick("no activity", !f.count("pu_open_ct") && !f.count("pu_click_ct") && !f.count("pu_bounce_reason"));
    }
    for (const char* kind : {"opens", "repeat opens", "clicks", "bounces", "all three lists", "an unsubscribed membership",
                             "no activity"})
        CPPUNIT_ASSERT_MESSAGE(std::string("the data set has no recipient with ") + kind, sample.count(kind) != 0);
    for (const auto& [kind, id] : sample) {
        auto shown = _pCli->run({"profiles", "show", "--email", truth.recipient(id).address});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(shown.describe(), 0, shown.exitCode);
        std::string diff = differences(ExpectedProfile::compute(truth, id, _windowMailings), shown.out);
        CPPUNIT_ASSERT_MESSAGE("jobhost profiles show, recipient " + std::to_string(id) + " (" + kind + "):\n" + diff,
                               diff.empty());
    }
}

void ProfilesGroundTruthTest::testReimportUpdateAndRebuildChangeNothing() {
    startSimulator();
    importOnce();
    const std::string built = storeSnapshot();
    CPPUNIT_ASSERT(contains(built, "profile 1 "));

    auto again = _pCli->run({"job", "run", kJob});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(again.describe(), 0, again.exitCode);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("a second import changed the store", built, storeSnapshot());

    auto update = _pCli->run({"profiles", "update"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(update.describe(), 0, update.exitCode);
    CPPUNIT_ASSERT_MESSAGE(update.describe(), contains(update.out, "events 0,"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE("profiles update changed the store", built, storeSnapshot());

    auto rebuild = _pCli->run({"profiles", "rebuild"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(rebuild.describe(), 0, rebuild.exitCode);
    CPPUNIT_ASSERT_MESSAGE(rebuild.describe(), !contains(rebuild.out, "events 0,"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE("profiles rebuild gave other profiles", built, storeSnapshot());

    auto status = _pCli->run({"profiles", "status"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(status.describe(), 0, status.exitCode);
    CPPUNIT_ASSERT_MESSAGE(status.describe(), !contains(status.out, "rebuild"));
}

} // namespace jobhost::tests::e2e
