// jobhost host — AuthorizationRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/AuthorizationRepository.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>

#include "app/HostException.h"
#include "store/SqlValues.h"

namespace jobhost::host {

using namespace Poco::Data::Keywords;

AuthorizationRepository::AuthorizationRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

std::vector<AuthorizationRecord> AuthorizationRepository::select(const std::string& whereName, bool all) {
    std::vector<AuthorizationRecord> result;
    Poco::Data::Statement statement(_session);
    std::string name = whereName;
    statement << _sql("SELECT id, name, provider, method, label, description, fields_json, secret_nonce, secret_ciphertext, created_at, updated_at "
                 "FROM authorizations WHERE (? = 1 OR name = ?) ORDER BY name"),
        bind(all ? 1 : 0), use(name);
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
        AuthorizationRecord r;
        r.id = sql::columnInt(rows, "id");
        r.name = sql::columnText(rows, "name");
        r.provider = sql::columnText(rows, "provider");
        r.method = sql::columnText(rows, "method");
        r.label = sql::columnText(rows, "label");
        r.description = sql::columnText(rows, "description");
        r.fieldsJson = sql::columnText(rows, "fields_json");
        r.secretNonce = sql::columnBytes(rows, "secret_nonce");
        r.secretCiphertext = sql::columnBytes(rows, "secret_ciphertext");
        r.createdAt = sql::columnInt(rows, "created_at");
        r.updatedAt = sql::columnInt(rows, "updated_at");
        result.push_back(std::move(r));
    }
    return result;
}

std::optional<AuthorizationRecord> AuthorizationRepository::find(const std::string& name) {
    auto rows = select(name, false);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

AuthorizationRecord AuthorizationRepository::get(const std::string& name) {
    auto record = find(name);
    if (!record) throw NotFoundException("authorization \"" + name + "\" does not exist; declare it in a config file and run 'jobhost apply FILE'");
    return *record;
}

std::vector<AuthorizationRecord> AuthorizationRepository::list() { return select("", true); }

Poco::Int64 AuthorizationRepository::insert(const AuthorizationRecord& r) {
    Poco::Data::BLOB nonce = sql::blob(r.secretNonce);
    Poco::Data::BLOB ciphertext = sql::blob(r.secretCiphertext);
    AuthorizationRecord v = r;
    Poco::Int64 id = 0;
    _session << _sql("INSERT INTO authorizations (name, provider, method, label, description, fields_json, secret_nonce, secret_ciphertext, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        use(v.name), use(v.provider), use(v.method), use(v.label), use(v.description), use(v.fieldsJson), use(nonce), use(ciphertext),
        use(v.createdAt), use(v.updatedAt), into(id), now;
    return id;
}

void AuthorizationRepository::update(const AuthorizationRecord& r) {
    Poco::Data::BLOB nonce = sql::blob(r.secretNonce);
    Poco::Data::BLOB ciphertext = sql::blob(r.secretCiphertext);
    AuthorizationRecord v = r;
    _session << _sql("UPDATE authorizations SET provider = ?, method = ?, label = ?, description = ?, fields_json = ?, secret_nonce = ?, "
                "secret_ciphertext = ?, updated_at = ? WHERE name = ?"),
        use(v.provider), use(v.method), use(v.label), use(v.description), use(v.fieldsJson), use(nonce), use(ciphertext), use(v.updatedAt),
        use(v.name), now;
}

} // namespace jobhost::host
