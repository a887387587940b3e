// jobhost host — AuthorizationRepository.h
// The authorizations table: non-secret fields in JSON, secrets sealed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include <Poco/Types.h>

namespace jobhost::host {

/// One stored authorization. `secretNonce`/`secretCiphertext` hold the
/// AEAD-sealed JSON object of the secret fields (see security/SecretBox);
/// this class never sees plaintext secrets.
struct AuthorizationRecord {
    Poco::Int64 id = 0;
    std::string name;
    std::string provider;
    std::string method;
    std::string label;
    std::string description;
    std::string fieldsJson = "{}"; ///< non-secret credential fields
    std::string secretNonce;       ///< raw bytes; empty when there are no secrets
    std::string secretCiphertext;  ///< raw bytes (ciphertext + tag)
    Poco::Int64 createdAt = 0;
    Poco::Int64 updatedAt = 0;
};

/// SQL for the authorizations table. Works on a session the caller owns (one
/// thread at a time); joins the caller's transaction when one is open.
/// Every method throws Poco::Data exceptions on store failure.
class AuthorizationRepository {
public:
    explicit AuthorizationRepository(Poco::Data::Session& session);

    /// Empty when no authorization has that name.
    std::optional<AuthorizationRecord> find(const std::string& name);
    /// Throws NotFoundException naming the authorization when absent.
    AuthorizationRecord get(const std::string& name);
    std::vector<AuthorizationRecord> list();
    /// Inserts and returns the new id. Throws on a duplicate name.
    Poco::Int64 insert(const AuthorizationRecord& record);
    /// Updates every column but id/created_at of the row named record.name.
    void update(const AuthorizationRecord& record);

private:
    std::vector<AuthorizationRecord> select(const std::string& whereName, bool all);

    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host
