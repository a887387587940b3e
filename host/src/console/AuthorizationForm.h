// jobhost host — AuthorizationForm.h
// Reads and validates an authorization from a console request body.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "plugins/PluginRegistry.h"

namespace jobhost::host {

/// A validated authorization: `fields` holds every credential field with
/// defaults filled in, secrets in plain text — keep it in memory only and
/// hand it to CredentialSealer.
struct AuthorizationInput {
    std::string name;
    std::string provider;
    std::string method;
    std::string label;
    std::string description;
    Poco::JSON::Object::Ptr fields;
    std::vector<std::string> secretKeys;
};

/// Body: {"name", "provider", "method", "label"?, "description"?,
/// "fields": {...}}. Stateless; thread-safe.
class AuthorizationForm {
public:
    /// Validates `body` against the provider's auth method schema (the same
    /// ConfigSchema `apply` uses). `name` overrides the body's name (PUT
    /// /authorizations/{name}); `keptSecrets` supplies secret fields the body
    /// omits (an update that does not re-send the password keeps it). Throws
    /// ApiException(400) whose field names the first problem ("name",
    /// "provider", "method", "fields.password", ...) and whose message lists
    /// them all; secret values given in the body are masked in messages.
    static AuthorizationInput read(const Poco::JSON::Object::Ptr& body, const PluginRegistry& plugins, const std::string& name,
                                   const Poco::JSON::Object::Ptr& keptSecrets);
    /// True when `name` is 1-64 letters, digits, '.', '_' or '-', starting
    /// with a letter or digit (the declarative config's rule).
    static bool validName(const std::string& name);
};

} // namespace jobhost::host
