// jobhost host — VerifierAuthorizationTester.h
// The console's "test" button over the runtime's AuthorizationVerifier.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/AuthorizationTester.h"

namespace jobhost::host {

struct RuntimeServices;

/// Calls AuthorizationVerifier::verify (what `jobhost auth test` does).
/// ConfigException / PluginLoadException become a failed result with their
/// message; NotFoundException propagates (404). Thread-safe.
class VerifierAuthorizationTester : public AuthorizationTester {
public:
    /// `services` must outlive this object.
    explicit VerifierAuthorizationTester(RuntimeServices& services);
    AuthorizationTestResult test(const std::string& authorization) override;

private:
    RuntimeServices& _services;
};

} // namespace jobhost::host
