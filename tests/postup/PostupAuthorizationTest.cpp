// jobhost postup tests — PostupAuthorizationTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupAuthorizationTest.h"

#include <Poco/Net/ServerSocket.h>

#include "PostupAuthorization.h"
#include "PostupPlugin.h"
#include "support/ScriptedServer.h"
#include "support/SimHarness.h"

namespace jobhost::plugins::postup::test {
namespace {

sdk::AuthResult verify(sdk::HttpTransport& transport, const sdk::Credentials& credentials, const std::string& config = "{}") {
    MemoryStore store;
    MemoryImportContext context(store, transport, config, credentials);
    PostupAuthorization authorization;
    return authorization.verify(context);
}

sim::SimulatorOptions tinySite() {
    sim::SimulatorOptions o;
    o.recipients = 20;
    o.campaigns = 1;
    o.mailingsPerCampaign = 1;
    return o;
}

} // namespace

void PostupAuthorizationTest::testValidCredentials() {
    SimHarness harness(tinySite());
    const auto result = verify(harness.transport(), harness.credentials());
    CPPUNIT_ASSERT(result.status == sdk::AuthStatus::Ok);
    CPPUNIT_ASSERT_EQUAL(std::string("PostUp accepted api@example.com; 5 lists visible"), result.message);
}

void PostupAuthorizationTest::testBadCredentials() {
    SimHarness harness(tinySite());
    const auto result = verify(harness.transport(), harness.credentials("api@example.com", "nope"));
    CPPUNIT_ASSERT(result.status == sdk::AuthStatus::BadCredentials);
    CPPUNIT_ASSERT_EQUAL(std::string("PostUp rejected the username or password (HTTP 401: Unauthorized)"), result.message);
    // Usernames are case-sensitive.
    CPPUNIT_ASSERT(verify(harness.transport(), harness.credentials("API@example.com")).status == sdk::AuthStatus::BadCredentials);
    CPPUNIT_ASSERT(verify(harness.transport(), {{"username", "api@example.com"}}).status == sdk::AuthStatus::BadCredentials);
}

void PostupAuthorizationTest::testLockedAccount() {
    SimHarness harness(tinySite());
    for (int i = 0; i < 5; ++i) verify(harness.transport(), harness.credentials("api@example.com", "nope"));
    const auto result = verify(harness.transport(), harness.credentials());
    CPPUNIT_ASSERT(result.status == sdk::AuthStatus::BadCredentials);
    CPPUNIT_ASSERT_EQUAL(std::string("PostUp account locked after repeated failed logins (HTTP 401: Account locked)"), result.message);
}

void PostupAuthorizationTest::testMissingPrivilege() {
    SimHarness harness(tinySite());
    const auto result = verify(harness.transport(), harness.credentials("noperms@example.com"));
    CPPUNIT_ASSERT(result.status == sdk::AuthStatus::MissingPrivilege);
    CPPUNIT_ASSERT_EQUAL(std::string("return the array of lists"), result.privilege);
    CPPUNIT_ASSERT_EQUAL(std::string("PostUp user noperms@example.com lacks the privilege to return the array of lists "
                                     "(HTTP 403); ask the PostUp site administrator to grant it"),
                         result.message);
}

void PostupAuthorizationTest::testUnreachable() {
    unsigned short port = 0;
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = socket.address().port();
    }
    DirectHttpTransport::Options o;
    o.maxAttempts = 2;
    o.baseBackoffMs = 1;
    DirectHttpTransport transport(o);
    const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/api";
    const auto result = verify(transport, {{"username", "u"}, {"password", "p"}, {"api_base_url", url}});
    CPPUNIT_ASSERT(result.status == sdk::AuthStatus::Unreachable);
    CPPUNIT_ASSERT(result.message.rfind("PostUp API at " + url + " unreachable: transport error", 0) == 0);
}

void PostupAuthorizationTest::testServerErrorIsUnreachable() {
    ScriptedServer server;
    server.push(500, "Server error");
    server.push(404, R"({"status":"error","message":"No such route"})");
    DirectHttpTransport::Options o;
    o.maxAttempts = 1;
    DirectHttpTransport transport(o);
    // The job config's api_base_url wins over the credentials' one.
    const sdk::Credentials credentials{{"username", "u"}, {"password", "p"}, {"api_base_url", "http://127.0.0.1:1/api"}};
    const std::string config = "{\"api_base_url\":\"" + server.baseUrl() + "/api\"}";
    CPPUNIT_ASSERT(verify(transport, credentials, config).status == sdk::AuthStatus::Unreachable);
    const auto other = verify(transport, credentials, config);
    CPPUNIT_ASSERT(other.status == sdk::AuthStatus::Error);
    CPPUNIT_ASSERT(other.message.find("No such route") != std::string::npos);
}

void PostupAuthorizationTest::testPluginFactories() {
    PostupPlugin plugin;
    CPPUNIT_ASSERT(plugin.createAuthorization("password"));
    CPPUNIT_ASSERT(!plugin.createAuthorization("oauth"));
    CPPUNIT_ASSERT(plugin.createImportJob("import"));
    CPPUNIT_ASSERT(!plugin.createImportJob("export"));
    CPPUNIT_ASSERT(plugin.createExportJob("export"));
    CPPUNIT_ASSERT(!plugin.createExportJob("import"));
}

} // namespace jobhost::plugins::postup::test
