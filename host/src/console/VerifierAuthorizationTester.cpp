// jobhost host — VerifierAuthorizationTester.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/VerifierAuthorizationTester.h"

#include "app/HostException.h"
#include "runtime/AuthorizationVerifier.h"

namespace jobhost::host {

VerifierAuthorizationTester::VerifierAuthorizationTester(RuntimeServices& services) : _services(services) {}

AuthorizationTestResult VerifierAuthorizationTester::test(const std::string& authorization) {
    try {
        sdk::AuthResult result = AuthorizationVerifier(_services).verify(authorization, nullptr);
        std::string message = AuthorizationVerifier::statusName(result.status);
        if (result.status == sdk::AuthStatus::MissingPrivilege) message += " " + result.privilege;
        if (result.status != sdk::AuthStatus::Ok && !result.message.empty()) message += ": " + result.message;
        return {result.status == sdk::AuthStatus::Ok, message};
    } catch (const ConfigException& e) {
        return {false, e.message()};
    } catch (const PluginLoadException& e) {
        return {false, e.message()};
    }
}

} // namespace jobhost::host
