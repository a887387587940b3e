// jobhost exports tests — ExportHarness.cpp
// SPDX-License-Identifier: Apache-2.0
#include "support/ExportHarness.h"

#include <Poco/JSON/Object.h>

#include "audiences/OutboxRepository.h"
#include "profiles/JsonText.h"
#include "security/CredentialSealer.h"
#include "security/SecretKey.h"
#include "store/AuthorizationRepository.h"
#include "store/JobRepository.h"
#include "transport/DefaultRandomSource.h"
#include "transport/PocoHttpTransport.h"
#include "transport/SystemClock.h"

#ifndef JOBHOST_TEST_MANIFEST_DIR
#error "JOBHOST_TEST_MANIFEST_DIR must point at manifests/"
#endif

namespace jobhost::host::exports::test {

std::shared_ptr<sdk::HttpTransport> TestTransportFactory::create(const ProviderManifest&, const std::string&,
                                                                 std::vector<std::string> secrets, std::shared_ptr<sdk::Logger> logger,
                                                                 CancelCheck cancelled) {
    PocoHttpTransport::Options o;
    o.retry = RetrySettings{8, 5, 50, 0};
    o.pLogger = std::move(logger);
    o.secrets = std::move(secrets);
    o.cancelled = std::move(cancelled);
    std::shared_ptr<sdk::HttpTransport> transport = std::make_shared<PocoHttpTransport>(o);
    return wrap ? wrap(transport) : transport;
}

ExportHarness::ExportHarness(const std::string& apiBaseUrl, const std::string& configJson)
    : _pOwnStore(std::make_unique<testing::StoreUnderTest>()), _folder(_pOwnStore->directory()), _pStore(&_pOwnStore->store()) {
    setUp(apiBaseUrl, configJson);
}

ExportHarness::ExportHarness(const std::string& apiBaseUrl, const std::string& configJson, const ExportHarness& owner)
    : _folder(owner._folder), _pSharedStore(std::make_unique<Store>(owner._pStore->location())), _pStore(_pSharedStore.get()) {
    setUp(apiBaseUrl, configJson);
}

void ExportHarness::setUp(const std::string& apiBaseUrl, const std::string& configJson) {
    _pRegistry = std::make_unique<PluginRegistry>(JOBHOST_TEST_MANIFEST_DIR, _folder);
    _pRegistry->loadManifestsOnly();
    _pBox = std::make_unique<SecretBox>(SecretKey::parse(std::string(64, 'a'), "test"));
    _pServices = std::unique_ptr<RuntimeServices>(new RuntimeServices{*_pStore, *_pRegistry, *_pBox, _transports, SystemClock::instance(),
                                                                      DefaultRandomSource::instance(), "testhost", "test:1", {}});
    Poco::Data::Session session = _pStore->openSession();
    AuthorizationRepository authorizations(session);
    if (!authorizations.find("sim")) {
        AuthorizationRecord record;
        record.name = "sim";
        record.provider = "postup";
        record.method = "password";
        Poco::JSON::Object::Ptr resolved = new Poco::JSON::Object;
        resolved->set("username", "lytics@example.com");
        resolved->set("password", "secret");
        resolved->set("api_base_url", apiBaseUrl);
        CredentialSealer(*_pBox).seal(record, resolved, {"password"});
        authorizations.insert(record);
        JobRecord job;
        job.name = jobName();
        job.provider = "postup";
        job.type = "export";
        job.authorization = "sim";
        job.configJson = configJson;
        JobRepository(session).insert(job);
    }
}

ExportHarness::~ExportHarness() {
    _pServices.reset();
    _pSharedStore.reset();
    _pOwnStore.reset(); // removes the folder and the store
}

void ExportHarness::enqueue(std::int64_t profileId, const std::string& event, const std::vector<std::pair<std::string, std::string>>& fields,
                            std::int64_t atMs) {
    std::string json = "{";
    for (std::size_t i = 0; i < fields.size(); ++i)
        json += (i ? "," : "") + profiles::JsonText::quote(fields[i].first) + ":" + profiles::JsonText::quote(fields[i].second);
    json += "}";
    audiences::MembershipChange change;
    change.audience = "engaged";
    change.profile = profileId;
    change.kind = event == "exit" ? audiences::MembershipChange::Kind::Exit
                : event == "update" ? audiences::MembershipChange::Kind::Update
                                    : audiences::MembershipChange::Kind::Enter;
    change.at = lql::TimeMs{atMs};
    Poco::Data::Session session = _pStore->openSession();
    audiences::OutboxRepository(session).enqueue(jobName(), change, json);
}

} // namespace jobhost::host::exports::test
