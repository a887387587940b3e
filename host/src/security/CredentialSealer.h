// jobhost host — CredentialSealer.h
// Splits an authorization's credential fields into stored plain fields and
// an AEAD-sealed secret part, and back.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "jobhost/sdk/JobContext.h"
#include "security/SecretBox.h"
#include "store/AuthorizationRepository.h"

namespace jobhost::host {

/// Credentials opened for use by a plugin call. `secretValues` are the
/// decrypted secret field values — the list a Redactor masks in every log
/// line, run row and error text. Keep this value in memory only.
struct OpenedCredentials {
    sdk::Credentials fields;               ///< every field, secrets included, as strings
    std::vector<std::string> secretValues; ///< values of the secret fields
};

/// Stateless helper over a SecretBox; thread-safe like the box.
class CredentialSealer {
public:
    explicit CredentialSealer(const SecretBox& box);

    /// Writes `resolved` (secret references already resolved) into
    /// record.fieldsJson (non-secret fields only) and record.secretNonce /
    /// secretCiphertext (JSON object of the `secretKeys` fields, sealed with
    /// associated data "authorization:<record.name>"). No secret field →
    /// empty nonce and ciphertext.
    void seal(AuthorizationRecord& record, const Poco::JSON::Object::Ptr& resolved, const std::vector<std::string>& secretKeys) const;

    /// Decrypts a stored record. Throws ConfigException (see SecretBox::open)
    /// when the secrets do not open with the current key.
    OpenedCredentials open(const AuthorizationRecord& record) const;

    /// True when the record already stores exactly `resolved` (plain fields
    /// and decrypted secrets equal), so re-applying changes nothing.
    /// `changedFields` receives the names of fields that differ (never values).
    bool same(const AuthorizationRecord& record, const Poco::JSON::Object::Ptr& resolved, std::vector<std::string>& changedFields) const;

private:
    const SecretBox& _box;
};

} // namespace jobhost::host
