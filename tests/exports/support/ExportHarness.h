// jobhost exports tests — ExportHarness.h
// A fresh store (testing::StoreUnderTest: SQLite, or PostgreSQL for the
// _postgresql run), the postup manifest, an authorization for the simulator
// and one export job: everything an ExportRunner needs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "jobhost/sdk/HttpTransport.h"
#include "plugins/PluginRegistry.h"
#include "runtime/RuntimeServices.h"
#include "runtime/TransportFactory.h"
#include "security/SecretBox.h"
#include "jobhost/testing/StoreUnderTest.h"
#include "store/Store.h"

namespace jobhost::host::exports::test {

/// Builds fast-retry PocoHttpTransports (5 ms base, 50 ms cap, at most 8
/// attempts); `wrap` may replace each one (e.g. with a HookTransport).
class TestTransportFactory : public TransportFactory {
public:
    std::shared_ptr<sdk::HttpTransport> create(const ProviderManifest& manifest, const std::string& authorization,
                                               std::vector<std::string> secrets, std::shared_ptr<sdk::Logger> logger,
                                               CancelCheck cancelled) override;
    std::function<std::shared_ptr<sdk::HttpTransport>(std::shared_ptr<sdk::HttpTransport>)> wrap;
};

/// Owns its store and folder (removed in the destructor), or shares
/// another harness's (a forked child's view of its parent's store).
/// Not thread-safe.
class ExportHarness {
public:
    /// A new store. `configJson` = the export job config.
    ExportHarness(const std::string& apiBaseUrl, const std::string& configJson);
    /// The store and folder of `owner`, opened again (owner keeps them).
    ExportHarness(const std::string& apiBaseUrl, const std::string& configJson, const ExportHarness& owner);
    ~ExportHarness();

    RuntimeServices& services() { return *_pServices; }
    Store& store() { return *_pStore; }
    TestTransportFactory& transports() { return _transports; }
    const std::string& folder() const { return _folder; }
    static const char* jobName() { return "sync"; }

    /// Queues an outbox change for profile `id` with a snapshot of `fields`.
    void enqueue(std::int64_t profileId, const std::string& event, const std::vector<std::pair<std::string, std::string>>& fields,
                 std::int64_t atMs);

private:
    void setUp(const std::string& apiBaseUrl, const std::string& configJson);

    std::unique_ptr<testing::StoreUnderTest> _pOwnStore; // null when sharing
    std::string _folder;
    std::unique_ptr<Store> _pSharedStore;
    Store* _pStore = nullptr;
    std::unique_ptr<PluginRegistry> _pRegistry;
    std::unique_ptr<SecretBox> _pBox;
    TestTransportFactory _transports;
    std::unique_ptr<RuntimeServices> _pServices;
};

} // namespace jobhost::host::exports::test
