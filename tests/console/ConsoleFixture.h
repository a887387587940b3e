// ConsoleFixture.h — jobhost console tests: a real ConsoleServer on 127.0.0.1:0
// over a temporary store, with fake scheduler and tester, and an HTTP client.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/NameValueCollection.h>

#include "console/AuthorizationTester.h"
#include "console/ConsoleServer.h"
#include "console/ConsoleServices.h"
#include "console/ConsoleToken.h"
#include "console/ExportMetricsSource.h"
#include "console/JobControl.h"
#include "console/RateLimiterMetricsSource.h"
#include "console/RunProgressBoard.h"
#include "console/StoreMetricsSource.h"
#include "plugins/PluginRegistry.h"
#include "security/SecretBox.h"
#include "store/Store.h"
#include "transport/RateLimiterRegistry.h"

/// A response as the tests see it.
struct HttpResult {
    int status = 0;
    std::string body;
    Poco::Net::NameValueCollection headers;
    /// The body parsed as JSON; throws when it is not JSON.
    Poco::Dynamic::Var json() const;
    Poco::JSON::Object::Ptr object() const;
    /// error.field of an error body ("" when null/absent).
    std::string errorField() const;
    std::string errorMessage() const;
};

/// Records runNow() calls; throws ApiException(409) for jobs marked busy.
class FakeJobControl : public jobhost::host::JobControl {
public:
    Poco::Int64 runNow(const std::string& job) override;
    std::vector<std::string> calls();
    std::set<std::string> busy;

private:
    std::mutex _mutex;
    std::vector<std::string> _calls;
    Poco::Int64 _nextId = 1000;
};

/// Answers ok for every authorization but "bad-*" ones.
class FakeAuthorizationTester : public jobhost::host::AuthorizationTester {
public:
    jobhost::host::AuthorizationTestResult test(const std::string& authorization) override;
};

/// Owns everything one test needs; not thread-safe. The destructor stops
/// the server and deletes the temporary folder.
class ConsoleFixture {
public:
    /// Never appears in any response; tests send it as a secret.
    static constexpr const char* Canary = "CANARY-pw-5e3c9a7b";

    /// How the fixture's server is set up.
    struct Options {
        bool withStore = true;      ///< false: a console without a store (503 routes)
        bool metricsPublic = false; ///< ConsoleServices::metricsPublic (jobhost serve --metrics-public)
    };

    explicit ConsoleFixture(bool withStore = true);
    explicit ConsoleFixture(Options options);
    ~ConsoleFixture();

    /// One request with the fixture's token ("" = none, or a given token).
    HttpResult call(const std::string& method, const std::string& path, const std::string& body = {});
    HttpResult callWithToken(const std::string& token, const std::string& method, const std::string& path,
                             const std::string& body = {});
    HttpResult anonymous(const std::string& method, const std::string& path, const std::string& body = {});

    /// POSTs a postup/password authorization with password Canary (201 asserted).
    void createAuthorization(const std::string& name);
    /// POSTs a postup import job on `authorization` (201 asserted).
    void createJob(const std::string& name, const std::string& authorization);
    /// Rows in audit_log.
    int auditCount();
    /// Newest audit row's action + object name ("create job:x").
    std::string lastAudit();
    /// True when the canary occurs in any response body received so far.
    bool canarySeen() const;

    jobhost::host::Store& store() { return *_pStore; }
    jobhost::host::RunProgressBoard& progress() { return _progress; }
    FakeJobControl& jobControl() { return _jobControl; }
    jobhost::host::ConsoleServices& services() { return _services; }
    jobhost::host::ConsoleToken& tokenStore() { return *_pToken; }
    /// The rate limiters /metrics reports (jobhost_rate_limit_*).
    jobhost::host::RateLimiterRegistry& rateLimiters() { return _rateLimiters; }
    const std::string& token() const { return _token; }
    const std::string& directory() const { return _directory; }
    Poco::UInt16 port() const { return _pServer->port(); }

private:
    std::string _directory;
    std::unique_ptr<jobhost::host::PluginRegistry> _pPlugins;
    std::unique_ptr<jobhost::host::Store> _pStore;
    std::unique_ptr<jobhost::host::SecretBox> _pSecrets;
    std::unique_ptr<jobhost::host::ConsoleToken> _pToken;
    std::unique_ptr<jobhost::host::StoreMetricsSource> _pStoreMetrics;
    std::unique_ptr<jobhost::host::ExportMetricsSource> _pExportMetrics;
    jobhost::host::RateLimiterRegistry _rateLimiters;
    std::unique_ptr<jobhost::host::RateLimiterMetricsSource> _pRateMetrics;
    jobhost::host::RunProgressBoard _progress;
    FakeJobControl _jobControl;
    FakeAuthorizationTester _tester;
    jobhost::host::ConsoleServices _services;
    std::unique_ptr<jobhost::host::ConsoleServer> _pServer;
    std::string _token;
    std::vector<std::string> _bodies;
};
