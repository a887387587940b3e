// ExportPipelineTest.cpp — the whole export path through the real `jobhost` executable.
// SPDX-License-Identifier: Apache-2.0
#include "ExportPipelineTest.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>

#include "E2eEnvironment.h"
#include "audiences/MembershipRepository.h"
#include "exports/DeadLetterRepository.h"
#include "exports/ExportStatusRepository.h"
#include "profiles/ProfileRepository.h"
#include "store/JobRepository.h"
#include "store/Store.h"

namespace jobhost::tests::e2e {
namespace {

using Poco::JSON::Object;

const char* const kAudience = "mailable-openers";
const char* const kRemoveJob = "export-remove"; // remove_on_exit true
const char* const kKeepJob = "export-keep";     // remove_on_exit false

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// What one `jobhost` child process printed (stdout and stderr) and its exit code.
struct CliResult {
    int exitCode = -1;
    std::string output;
};

CliResult runJobhost(const std::string& home, const std::vector<std::string>& arguments) {
    std::vector<std::string> args{"--data-dir", home, "--store", testing::StoreUnderTest::locationFor(home), "--plugin-dir",
                                  E2eEnvironment::pluginDirectory, "--manifest-dir", E2eEnvironment::manifestDirectory};
    args.insert(args.end(), arguments.begin(), arguments.end());
    Poco::Process::Env env{{"JOBHOST_HOME", home}, {"POSTUP_PASSWORD", "secret"}};
    Poco::Pipe out;
    Poco::ProcessHandle handle = Poco::Process::launch(E2eEnvironment::jobhostExecutable, args, home, nullptr, &out, &out, env);
    Poco::PipeInputStream stream(out);
    CliResult result;
    Poco::StreamCopier::copyToString(stream, result.output);
    result.exitCode = handle.wait();
    return result;
}

/// Runs `jobhost ARGS` and fails the test (showing the output) unless it exits 0.
std::string runOk(const std::string& home, const std::vector<std::string>& arguments) {
    CliResult r = runJobhost(home, arguments);
    std::string command = "jobhost";
    for (const auto& a : arguments) command += " " + a;
    CPPUNIT_ASSERT_EQUAL_MESSAGE(command + " printed:\n" + r.output, 0, r.exitCode);
    return r.output;
}

/// One call to the simulator's REST API as api@example.com. Returns the
/// status and the parsed body (empty Var when the body is not JSON).
std::pair<int, Poco::Dynamic::Var> simCall(const sim::SimulatorServer& sim, const std::string& method, const std::string& pathAndQuery,
                                           const std::string& body = {}) {
    Poco::Net::HTTPClientSession session("127.0.0.1", sim.port());
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, "/api" + pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPBasicCredentials("api@example.com", "secret").authenticate(request);
    request.set("Accept", "application/json");
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    Poco::Dynamic::Var parsed;
    try {
        parsed = Poco::JSON::Parser().parse(text);
    } catch (const Poco::Exception&) {
    }
    return {static_cast<int>(response.getStatus()), parsed};
}

/// PostUp's view of one address: its global status and demographics.
struct RemoteRecipient {
    std::int64_t recipientId = 0;
    std::string status;
    std::map<std::string, std::string> demographics;
};

std::optional<RemoteRecipient> recipientByAddress(const sim::SimulatorServer& sim, const std::string& address) {
    std::string encoded;
    Poco::URI::encode(address, "!#$&'()*+,/:;=?@[]", encoded);
    auto [status, body] = simCall(sim, "GET", "/recipient?address=" + encoded);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("GET /recipient?address=" + address, 200, status);
    auto array = body.extract<Poco::JSON::Array::Ptr>();
    if (array->size() == 0) return std::nullopt;
    auto o = array->getObject(0);
    RemoteRecipient r;
    r.recipientId = o->getValue<Poco::Int64>("recipientId");
    r.status = o->optValue<std::string>("status", "");
    if (auto demographics = o->getArray("demographics"))
        for (std::size_t i = 0; i < demographics->size(); ++i) {
            const std::string pair = demographics->getElement<std::string>(static_cast<unsigned>(i));
            const auto eq = pair.find('=');
            if (eq != std::string::npos) r.demographics[pair.substr(0, eq)] = pair.substr(eq + 1);
        }
    return r;
}

/// The list-level status of a subscription, or "" when there is none.
std::string listStatus(const sim::SimulatorServer& sim, std::int64_t listId, std::int64_t recipientId) {
    auto [status, body] = simCall(sim, "GET", "/listsubscription/" + std::to_string(listId) + "/" + std::to_string(recipientId));
    if (status == 404) return {};
    CPPUNIT_ASSERT_EQUAL(200, status);
    return body.extract<Object::Ptr>()->optValue<std::string>("listStatus", "");
}

void setComment(const sim::SimulatorServer& sim, std::int64_t recipientId, const std::string& comment) {
    auto [status, body] = simCall(sim, "PUT", "/recipient/" + std::to_string(recipientId), R"({"comment":")" + comment + R"("})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE("PUT /recipient/" + std::to_string(recipientId), 200, status);
}

void setGlobalStatus(const sim::SimulatorServer& sim, std::int64_t recipientId, const std::string& statusLetter) {
    auto [status, body] = simCall(sim, "PUT", "/recipient/" + std::to_string(recipientId), R"({"status":")" + statusLetter + R"("})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE("PUT /recipient/" + std::to_string(recipientId), 200, status);
}

std::set<std::string> normalMembers(const sim::SimulatorServer& sim, std::int64_t listId) {
    std::set<std::string> out;
    for (const auto& a : sim.normalMemberAddresses(listId)) out.insert(lower(a));
    return out;
}

/// An audience member as the host's store has it.
struct Member {
    std::string email;
    std::string status;    ///< pu_status at the last import
    std::string openCount; ///< pu_open_ct as text, what the export writes
    std::string domain;    ///< emaildomain
    std::optional<std::string> comment; ///< pu_comment; empty when the profile has no such field
};

std::string text(const Object::Ptr& profile, const std::string& field) {
    if (!profile->has(field) || profile->get(field).isEmpty()) return {};
    return profile->get(field).convert<std::string>();
}

/// The audience's members by lower-cased email (read from the store).
std::map<std::string, Member> audienceMembers(const std::string& home) {
    host::Store store(E2eEnvironment::storeOf(home));
    Poco::Data::Session session = store.openSession();
    host::profiles::ProfileRepository profiles(session);
    std::map<std::string, Member> out;
    for (auto id : host::audiences::MembershipRepository(session).members(kAudience)) {
        auto profile = profiles.load(id);
        CPPUNIT_ASSERT(profile.has_value());
        auto plain = Poco::JSON::Parser().parse(profile->toPlainJson()).extract<Object::Ptr>();
        Member m{text(plain, "email"), text(plain, "pu_status"), text(plain, "pu_open_ct"), text(plain, "emaildomain"), std::nullopt};
        if (plain->has("pu_comment") && !plain->get("pu_comment").isEmpty()) m.comment = text(plain, "pu_comment");
        CPPUNIT_ASSERT(!m.email.empty());
        out[lower(m.email)] = m;
    }
    return out;
}

std::int64_t listOf(const std::string& home, const std::string& job) {
    host::Store store(E2eEnvironment::storeOf(home));
    Poco::Data::Session session = store.openSession();
    host::JobRepository jobs(session);
    auto state = jobs.loadState(jobs.get(job).id);
    CPPUNIT_ASSERT_MESSAGE(job + " has no state", state.has_value());
    return Poco::JSON::Parser().parse(*state).extract<Object::Ptr>()->getValue<Poco::Int64>("listId");
}

host::exports::ExportTotals totalsOf(const std::string& home, const std::string& job) {
    host::Store store(E2eEnvironment::storeOf(home));
    Poco::Data::Session session = store.openSession();
    auto status = host::exports::ExportStatusRepository(session).find(job);
    CPPUNIT_ASSERT_MESSAGE(job + " has no export status", status.has_value());
    CPPUNIT_ASSERT_EQUAL_MESSAGE(job + " dead letters", std::int64_t(0), host::exports::DeadLetterRepository(session).count(job));
    return status->totals;
}

/// Skipped items whose reason contains `needle`.
std::int64_t skippedFor(const host::exports::ExportTotals& totals, const std::string& needle) {
    std::int64_t n = 0;
    for (const auto& [reason, count] : totals.skippedBy)
        if (reason.find(needle) != std::string::npos) n += count;
    return n;
}

std::string configJson(const sim::SimulatorServer& sim) {
    const std::string importConfig = R"({"site_id":")" + sim.siteId() + R"(","report_base_url":")" + sim.reportBaseUrl() +
                                     R"(","site_short_name":")" + sim.siteName() + R"("})";
    auto exportJob = [](const std::string& title, bool remove) {
        return R"({"provider":"postup","type":"export","authorization":"sim","config":{"audience":"mailable-openers",)"
               R"("list_title_template":")" + title + R"(","field_mappings":{"pu_open_ct":"Score","emaildomain":"Notes","pu_comment":"Nickname"},)"
               R"("remove_on_exit":)" + std::string(remove ? "true" : "false") + R"(,"import_poll_interval_ms":20}})";
    };
    // import-2 is the same import with its own state: the next recipient
    // snapshot, which the first job would only take after its 24 h interval.
    return R"({"authorizations":{"sim":{"provider":"postup","method":"password","label":"PostUp simulator",)"
           R"("fields":{"username":"api@example.com","password":"${env:POSTUP_PASSWORD}","api_base_url":")" + sim.apiBaseUrl() + R"("}}},)"
           R"("jobs":{)"
           R"("import-1":{"provider":"postup","type":"import","authorization":"sim","schedule":{"interval_seconds":86400},"config":)" +
           importConfig + "}," +
           R"("import-2":{"provider":"postup","type":"import","authorization":"sim","schedule":{"interval_seconds":86400},"config":)" +
           importConfig + "}," + R"(")" + kRemoveJob + R"(":)" + exportJob("e2e {audience} (remove on exit)", true) + "," + R"(")" +
           kKeepJob + R"(":)" + exportJob("e2e {audience} (keep on exit)", false) + "}," +
           R"("audiences":{"mailable-openers":{"name":"Openers PostUp may mail",)"
           R"json("filter":"FILTER AND (EXISTS email, pu_open_ct >= 1, pu_status NOT IN (\"U\", \"H\"))"}}})json";
}

} // namespace

void ExportPipelineTest::setUp() {
    sim::SimulatorOptions o;
    o.seed = 7;
    o.recipients = 300;
    o.lists = 2;
    o.membershipsPerRecipient = 1;
    o.campaigns = 2;
    o.mailingsPerCampaign = 2;
    o.eventsPerMailing = 150;
    o.importDelayMs = 50;
    o.lockoutThreshold = 0;
    _pSim = std::make_unique<sim::SimulatorServer>(o);
    _pSim->start();
    _home = Poco::TemporaryFile::tempName();
    Poco::File(_home).createDirectories();
}

void ExportPipelineTest::tearDown() {
    _pSim.reset();
    try {
        Poco::File(_home).remove(true);
    } catch (const Poco::Exception&) {
        // a leftover temp folder does not fail the test
    }
}

void ExportPipelineTest::testAudienceSyncedToTwoListsAndExitHonoursRemoveOnExit() {
    const std::string config = Poco::Path(_home, "jobhost-config.json").toString();
    std::ofstream(config) << configJson(*_pSim);
    runOk(_home, {"validate", config});
    runOk(_home, {"apply", config});
    runOk(_home, {"job", "run", "import-1"});

    auto members = audienceMembers(_home);
    CPPUNIT_ASSERT_MESSAGE("audience too small: " + std::to_string(members.size()), members.size() >= 20);
    // Two members who are mailable now: one opts out of all mail in PostUp
    // before the export runs (the profile still says "N"), one will leave later.
    std::vector<std::string> mailable;
    for (const auto& [email, m] : members)
        if (m.status == "N") mailable.push_back(email);
    CPPUNIT_ASSERT(mailable.size() >= 3);
    const std::string optingOut = mailable.front();
    const std::string leaving = mailable.back();
    setGlobalStatus(*_pSim, recipientByAddress(*_pSim, optingOut)->recipientId, "O");
    // PostUp's Nickname before the export: a profile without pu_comment must
    // leave it as it is (the column is left out, not sent empty).
    std::map<std::string, std::string> nicknameBefore;
    for (const auto& [email, m] : members) nicknameBefore[email] = recipientByAddress(*_pSim, email)->demographics["Nickname"];

    runOk(_home, {"exports", "run", kRemoveJob});
    runOk(_home, {"exports", "run", kKeepJob});
    const std::int64_t removeList = listOf(_home, kRemoveJob);
    const std::int64_t keepList = listOf(_home, kKeepJob);
    CPPUNIT_ASSERT(removeList != keepList);

    // Ground truth: PostUp subscribes every member except opted-out ones.
    std::set<std::string> expected, optedOut;
    std::size_t withoutComment = 0;
    for (const auto& [email, m] : members) {
        auto remote = recipientByAddress(*_pSim, email);
        CPPUNIT_ASSERT_MESSAGE(email + " is not a PostUp recipient", remote.has_value());
        if (remote->status == "O") {
            optedOut.insert(email);
            continue;
        }
        CPPUNIT_ASSERT_EQUAL_MESSAGE(email, std::string("N"), remote->status);
        expected.insert(email);
        // Mapped fields arrive as demographics.
        CPPUNIT_ASSERT_EQUAL_MESSAGE(email + " Score", m.openCount, remote->demographics["Score"]);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(email + " Notes", m.domain, remote->demographics["Notes"]);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(email + " Nickname", m.comment.value_or(nicknameBefore[email]), remote->demographics["Nickname"]);
        if (!m.comment) ++withoutComment;
    }
    CPPUNIT_ASSERT(optedOut.count(optingOut));
    CPPUNIT_ASSERT_MESSAGE("no member without pu_comment: the missing-field case is not exercised", withoutComment > 0);
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, removeList));
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, keepList));
    for (const auto& email : optedOut) {
        const std::int64_t id = recipientByAddress(*_pSim, email)->recipientId;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(email, std::string(), listStatus(*_pSim, removeList, id));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(email, std::string(), listStatus(*_pSim, keepList, id));
    }
    for (const char* job : {kRemoveJob, kKeepJob}) {
        auto totals = totalsOf(_home, job);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(job, static_cast<std::int64_t>(expected.size()), totals.delivered);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(job, static_cast<std::int64_t>(optedOut.size()), totals.skipped);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(job, static_cast<std::int64_t>(optedOut.size()), skippedFor(totals, "opted out"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(job, std::int64_t(0), totals.rejected);
    }
    const std::string status = runOk(_home, {"exports", "status"});
    CPPUNIT_ASSERT_MESSAGE(status, status.find("opted out") != std::string::npos);

    // A profile change: the member unsubscribes in PostUp; the next import
    // brings pu_status "U" and the member leaves the audience.
    const RemoteRecipient leaver = *recipientByAddress(*_pSim, leaving);
    setGlobalStatus(*_pSim, leaver.recipientId, "U");
    // And a member who stays gets a new comment: an update of a mapped field.
    const std::string changing = mailable.at(1);
    CPPUNIT_ASSERT(changing != leaving);
    setComment(*_pSim, recipientByAddress(*_pSim, changing)->recipientId, "changed in PostUp");
    const auto removeBefore = totalsOf(_home, kRemoveJob);
    const auto keepBefore = totalsOf(_home, kKeepJob);
    runOk(_home, {"job", "run", "import-2"});
    auto after = audienceMembers(_home);
    CPPUNIT_ASSERT(!after.count(leaving));
    CPPUNIT_ASSERT_EQUAL(members.size() - 1, after.size());

    runOk(_home, {"exports", "run", kRemoveJob});
    runOk(_home, {"exports", "run", kKeepJob});
    // remove_on_exit: UNSUB on that list; without it the subscription stays
    // NORMAL and the exit is recorded as skipped.
    CPPUNIT_ASSERT_EQUAL(std::string("UNSUB"), listStatus(*_pSim, removeList, leaver.recipientId));
    CPPUNIT_ASSERT_EQUAL(std::string("NORMAL"), listStatus(*_pSim, keepList, leaver.recipientId));
    auto removeAfter = totalsOf(_home, kRemoveJob);
    auto keepAfter = totalsOf(_home, kKeepJob);
    CPPUNIT_ASSERT_EQUAL(removeBefore.delivered + 2, removeAfter.delivered); // the exit and the update
    CPPUNIT_ASSERT_EQUAL(removeBefore.skipped, removeAfter.skipped);
    CPPUNIT_ASSERT_EQUAL(keepBefore.delivered + 1, keepAfter.delivered); // the update
    CPPUNIT_ASSERT_EQUAL(keepBefore.skipped + 1, keepAfter.skipped);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1), skippedFor(keepAfter, "remove_on_exit is off"));
    CPPUNIT_ASSERT_EQUAL(std::string("changed in PostUp"), recipientByAddress(*_pSim, changing)->demographics["Nickname"]);
    // The leaver is globally unsubscribed now, so it is not mailable on either
    // list; everyone else still is.
    expected.erase(leaving);
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, removeList));
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, keepList));
    // No recipient is ever deleted.
    for (const auto& m : _pSim->mutations()) CPPUNIT_ASSERT_MESSAGE(m.method + " " + m.path, m.method != "DELETE");
    for (const auto& [email, m] : members) CPPUNIT_ASSERT_MESSAGE(email, recipientByAddress(*_pSim, email).has_value());

    // Running the exports again changes nothing.
    const std::size_t mutations = _pSim->mutations().size();
    for (const char* job : {kRemoveJob, kKeepJob}) {
        const std::string out = runOk(_home, {"exports", "run", job});
        CPPUNIT_ASSERT_MESSAGE(out, out.find(": 0 batches,") != std::string::npos);
    }
    CPPUNIT_ASSERT_EQUAL(mutations, _pSim->mutations().size());
    CPPUNIT_ASSERT_EQUAL(removeAfter.delivered, totalsOf(_home, kRemoveJob).delivered);
    CPPUNIT_ASSERT_EQUAL(keepAfter.skipped, totalsOf(_home, kKeepJob).skipped);
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, removeList));
    CPPUNIT_ASSERT(expected == normalMembers(*_pSim, keepList));
}

} // namespace jobhost::tests::e2e
