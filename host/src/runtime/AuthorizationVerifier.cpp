// jobhost host — AuthorizationVerifier.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/AuthorizationVerifier.h"

#include "app/HostException.h"
#include "runtime/ContextCore.h"
#include "runtime/HostJobContext.h"
#include "runtime/ObserverLogger.h"
#include "security/CredentialSealer.h"
#include "store/AuthorizationRepository.h"

namespace jobhost::host {

AuthorizationVerifier::AuthorizationVerifier(RuntimeServices& services) : _services(services) {}

const char* AuthorizationVerifier::statusName(sdk::AuthStatus status) {
    switch (status) {
    case sdk::AuthStatus::Ok: return "ok";
    case sdk::AuthStatus::BadCredentials: return "bad credentials";
    case sdk::AuthStatus::MissingPrivilege: return "missing privilege";
    case sdk::AuthStatus::Unreachable: return "unreachable";
    case sdk::AuthStatus::Error: break;
    }
    return "error";
}

sdk::AuthResult AuthorizationVerifier::verify(const std::string& name, RunObserver* observer) {
    Poco::Data::Session session = _services.store.openSession();
    AuthorizationRecord record = AuthorizationRepository(session).get(name);
    OpenedCredentials credentials = CredentialSealer(_services.secrets).open(record);
    Redactor redactor(credentials.secretValues);
    const ProviderManifest& manifest = _services.plugins.manifest(record.provider);
    std::shared_ptr<LoadedPlugin> plugin = _services.plugins.plugin(record.provider);
    std::string error;
    std::shared_ptr<sdk::Authorization> authorization = plugin->createAuthorization(record.method, error);
    if (!authorization)
        throw PluginLoadException("provider " + record.provider + " cannot create authorization method \"" + record.method + "\": " + error);
    auto logger = std::make_shared<ObserverLogger>(redactor, observer);
    auto transport = _services.transports.create(manifest, name, credentials.secretValues, logger, {});
    ContextCore core({record.fieldsJson, credentials.fields, _services.hostName, transport, logger, _services.pClock, {}, observer, ""});
    HostJobContext context(core);
    sdk::AuthResult result;
    try {
        result = authorization->verify(context);
    } catch (const std::exception& e) {
        result = {sdk::AuthStatus::Error, "", std::string("the plugin threw an exception: ") + e.what()};
    } catch (...) {
        result = {sdk::AuthStatus::Error, "", "the plugin threw a non-standard exception"};
    }
    result.message = redactor.apply(result.message);
    result.privilege = redactor.apply(result.privilege);
    return result;
}

} // namespace jobhost::host
