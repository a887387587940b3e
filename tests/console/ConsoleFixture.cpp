// ConsoleFixture.cpp — jobhost console tests: server + client harness.
// SPDX-License-Identifier: Apache-2.0
#include "ConsoleFixture.h"

#include <sstream>

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <cppunit/extensions/HelperMacros.h>

#include "console/ApiException.h"
#include "security/SecretKey.h"
#include "store/AuditRepository.h"

using namespace jobhost::host;

Poco::Dynamic::Var HttpResult::json() const {
    Poco::JSON::Parser parser;
    return parser.parse(body);
}

Poco::JSON::Object::Ptr HttpResult::object() const { return json().extract<Poco::JSON::Object::Ptr>(); }

std::string HttpResult::errorField() const {
    Poco::JSON::Object::Ptr error = object()->getObject("error");
    if (!error || !error->has("field") || error->get("field").isEmpty()) return {};
    return error->getValue<std::string>("field");
}

std::string HttpResult::errorMessage() const {
    Poco::JSON::Object::Ptr error = object()->getObject("error");
    return error ? error->getValue<std::string>("message") : std::string();
}

Poco::Int64 FakeJobControl::runNow(const std::string& job) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (busy.count(job)) throw ApiException(409, "job " + job + " is already running");
    _calls.push_back(job);
    return _nextId++;
}

std::vector<std::string> FakeJobControl::calls() {
    std::lock_guard<std::mutex> lock(_mutex);
    return _calls;
}

AuthorizationTestResult FakeAuthorizationTester::test(const std::string& authorization) {
    if (authorization.rfind("bad-", 0) == 0) return {false, "PostUp rejected the username or password"};
    return {true, "credentials accepted"};
}

ConsoleFixture::ConsoleFixture(bool withStore) : ConsoleFixture(Options{withStore, false}) {}

ConsoleFixture::ConsoleFixture(Options options) {
    const bool withStore = options.withStore;
    _directory = Poco::TemporaryFile::tempName() + "-console";
    Poco::File(_directory).createDirectories();
    _pPlugins = std::make_unique<PluginRegistry>(JOBHOST_MANIFESTS_DIR, _directory + "/no-plugins");
    _pPlugins->loadManifestsOnly();
    _services.pPlugins = _pPlugins.get();
    if (withStore) {
        _pStore = std::make_unique<Store>(Store::defaultFile(_directory));
        _pSecrets = std::make_unique<SecretBox>(SecretKey::generate());
        _pStoreMetrics = std::make_unique<StoreMetricsSource>(*_pStore);
        _pExportMetrics = std::make_unique<ExportMetricsSource>(*_pStore);
        _services.pStore = _pStore.get();
        _services.pSecrets = _pSecrets.get();
        _services.metricsSources.push_back(_pStoreMetrics.get());
        _services.metricsSources.push_back(_pExportMetrics.get());
    }
    _pRateMetrics = std::make_unique<RateLimiterMetricsSource>(_rateLimiters);
    _services.metricsSources.push_back(_pRateMetrics.get());
    _services.metricsPublic = options.metricsPublic;
    _pToken = std::make_unique<ConsoleToken>(ConsoleToken::defaultFile(_directory));
    _token = _pToken->ensure();
    _services.pToken = _pToken.get();
    _services.pJobControl = &_jobControl;
    _services.pTester = &_tester;
    _services.pProgress = &_progress;
    _services.webRoot = JOBHOST_WEB_ROOT;
    ConsoleSettings settings;
    settings.port = 0;
    _pServer = std::make_unique<ConsoleServer>(settings, _services);
    _pServer->start();
}

ConsoleFixture::~ConsoleFixture() {
    _pServer.reset();
    try {
        Poco::File(_directory).remove(true);
    } catch (const Poco::Exception& e) {
        std::cerr << "warning: cannot remove " << _directory << ": " << e.displayText() << "\n";
    }
}

HttpResult ConsoleFixture::callWithToken(const std::string& token, const std::string& method, const std::string& path,
                                         const std::string& body) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port());
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    if (!body.empty() || method == "POST" || method == "PUT") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(request) << body;
    } else {
        session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpResult result;
    result.status = response.getStatus();
    Poco::StreamCopier::copyToString(in, result.body);
    for (const auto& [k, v] : response) result.headers.add(k, v);
    _bodies.push_back(result.body);
    for (const auto& [k, v] : response) _bodies.push_back(k + ": " + v);
    return result;
}

HttpResult ConsoleFixture::call(const std::string& method, const std::string& path, const std::string& body) {
    return callWithToken(_token, method, path, body);
}

HttpResult ConsoleFixture::anonymous(const std::string& method, const std::string& path, const std::string& body) {
    return callWithToken("", method, path, body);
}

void ConsoleFixture::createAuthorization(const std::string& name) {
    HttpResult r = call("POST", "/api/v1/authorizations",
                        R"({"name":")" + name + R"(","provider":"postup","method":"password","label":"Demo",)"
                        R"("fields":{"username":"ops@example.com","password":")" + Canary + R"(","api_base_url":"http://127.0.0.1:1/api"}})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 201, r.status);
}

void ConsoleFixture::createJob(const std::string& name, const std::string& authorization) {
    HttpResult r = call("POST", "/api/v1/jobs",
                        R"({"name":")" + name + R"(","provider":"postup","type":"import","authorization":")" + authorization +
                            R"(","schedule":{"interval_seconds":3600},"config":{"site_id":"0000-site"}})");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 201, r.status);
}

int ConsoleFixture::auditCount() {
    Poco::Data::Session session = _pStore->openSession();
    return static_cast<int>(AuditRepository(session).list(100000).size());
}

std::string ConsoleFixture::lastAudit() {
    Poco::Data::Session session = _pStore->openSession();
    auto rows = AuditRepository(session).list(1);
    return rows.empty() ? std::string() : rows.front().action + " " + rows.front().objectType + ":" + rows.front().objectName;
}

bool ConsoleFixture::canarySeen() const {
    for (const auto& b : _bodies)
        if (b.find(Canary) != std::string::npos) return true;
    return false;
}
