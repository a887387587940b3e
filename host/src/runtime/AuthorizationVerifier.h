// jobhost host — AuthorizationVerifier.h
// `jobhost auth test`: opens an authorization's credentials and calls the
// plugin's Authorization::verify.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "jobhost/sdk/Authorization.h"
#include "runtime/RunObserver.h"
#include "runtime/RuntimeServices.h"

namespace jobhost::host {

/// Stateless apart from its services; thread-safe.
class AuthorizationVerifier {
public:
    explicit AuthorizationVerifier(RuntimeServices& services);

    /// Calls verify() with the decrypted credentials; the plugin's log lines
    /// (redacted) go to `observer`. The returned message is redacted.
    /// Throws NotFoundException for an unknown authorization,
    /// ConfigException when its secrets do not decrypt, PluginLoadException
    /// when the plugin is unavailable. A plugin exception becomes
    /// AuthStatus::Error.
    sdk::AuthResult verify(const std::string& name, RunObserver* observer);

    /// "ok", "bad credentials", "missing privilege", "unreachable", "error".
    static const char* statusName(sdk::AuthStatus status);

private:
    RuntimeServices& _services;
};

} // namespace jobhost::host
