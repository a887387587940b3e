// HostileImportTest.cpp — a hostile "PostUp" during a real `jobhost job run`: the run fails clearly and keeps its committed work.
// SPDX-License-Identifier: Apache-2.0
#include "HostileImportTest.h"

#include <chrono>
#include <fstream>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "E2eEnvironment.h"
#include "JobhostCliRunner.h"
#include "jobhost/sim/SimulatorServer.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

namespace jobhost::tests::e2e {
namespace {

Poco::Int64 records(const std::string& home, const std::string& stream) {
    host::Store store(E2eEnvironment::storeOf(home));
    Poco::Data::Session session = store.openSession();
    return host::StreamRepository(session).count(stream);
}

struct Hostile {
    sim::FaultKind kind;
    long long size;
    std::string message; ///< what the failed run must print
};

} // namespace

void HostileImportTest::testEveryHostileAnswerFailsTheRunClearlyAndKeepsCommittedRecords() {
    const std::vector<Hostile> cases{
        {sim::FaultKind::HugeBody, 512LL * 1024 * 1024, "more than the 64 MiB allowed (http_limits.max_body_bytes)"},
        {sim::FaultKind::EndlessBody, 0, "larger than the 64 MiB allowed (http_limits.max_body_bytes)"},
        {sim::FaultKind::WrongContentType, 0, "Content-Type text/html; charset=utf-8 where JSON was asked for"},
        {sim::FaultKind::DeepJson, 0, "JSON nested deeper than 64 levels at byte 64 (http_limits.max_json_depth)"},
        {sim::FaultKind::InvalidUtf8, 0, "invalid UTF-8 at byte"},
    };
    for (const auto& hostile : cases) {
        const std::string kind = sim::FaultRule::kindName(hostile.kind);
        sim::SimulatorOptions o;
        o.seed = 11;
        o.recipients = 40;
        o.lists = 2;
        o.campaigns = 2;
        o.mailingsPerCampaign = 2;
        o.eventsPerMailing = 40;
        o.lockoutThreshold = 0;
        sim::FaultRule rule;
        rule.kind = hostile.kind;
        rule.route = "GET /api/campaign";
        rule.size = hostile.size;
        o.faults.rules.push_back(rule);
        sim::SimulatorServer simulator(o);
        simulator.start();

        const std::string home = Poco::TemporaryFile::tempName();
        Poco::File(home).createDirectories();
        JobhostCliRunner cli(E2eEnvironment::jobhostExecutable, E2eEnvironment::pluginDirectory, E2eEnvironment::manifestDirectory, home);
        cli.setEnvironment("POSTUP_PASSWORD", "secret");
        const std::string config = Poco::Path(home, "config.json").toString();
        std::ofstream(config) << R"({"authorizations":{"sim":{"provider":"postup","method":"password","label":"sim",)"
                              << R"("fields":{"username":"api@example.com","password":"${env:POSTUP_PASSWORD}","api_base_url":")"
                              << simulator.apiBaseUrl() << R"("}}},"jobs":{"import":{"provider":"postup","type":"import",)"
                              << R"("authorization":"sim","config":{"site_id":")" << simulator.siteId() << R"(","report_base_url":")"
                              << simulator.reportBaseUrl() << R"(","site_short_name":")" << simulator.siteName() << R"("}}}})";
        auto applied = cli.run({"apply", config});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(applied.describe(), 0, applied.exitCode);

        const auto started = std::chrono::steady_clock::now();
        auto failed = cli.run({"job", "run", "import"});
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
        CPPUNIT_ASSERT_MESSAGE(kind + ": " + failed.describe(), failed.exitCode != 0);
        CPPUNIT_ASSERT_MESSAGE(kind + ": " + failed.describe(), (failed.out + failed.err).find(hostile.message) != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(kind + ": took " + std::to_string(seconds) + " s", seconds < 60);
        const Poco::Int64 users = records(home, "postup_users");
        CPPUNIT_ASSERT_MESSAGE(kind + ": the recipients phase committed nothing", users > 0);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(kind, Poco::Int64(0), records(home, "postup_activity"));

        simulator.setFaults({});
        auto resumed = cli.run({"job", "run", "import"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(kind + ": " + resumed.describe(), 0, resumed.exitCode);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(kind + ": recipients kept, not re-imported", users, records(home, "postup_users"));
        CPPUNIT_ASSERT_MESSAGE(kind, records(home, "postup_activity") > 0);
        try {
            Poco::File(home).remove(true);
        } catch (const Poco::Exception&) {
        }
    }
}

} // namespace jobhost::tests::e2e
