// jobhost host — CredentialSealer.cpp
// SPDX-License-Identifier: Apache-2.0
#include "security/CredentialSealer.h"

#include <algorithm>
#include <set>

#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {

using Poco::JSON::Object;

std::string associatedData(const AuthorizationRecord& record) { return "authorization:" + record.name; }

std::string asText(const Poco::Dynamic::Var& v) { return v.isString() ? v.convert<std::string>() : JsonDocument::stringify(v); }

} // namespace

CredentialSealer::CredentialSealer(const SecretBox& box) : _box(box) {}

void CredentialSealer::seal(AuthorizationRecord& record, const Object::Ptr& resolved, const std::vector<std::string>& secretKeys) const {
    Object::Ptr plain = new Object;
    Object::Ptr secret = new Object;
    std::vector<std::string> names;
    resolved->getNames(names);
    for (const auto& name : names) {
        bool isSecret = std::find(secretKeys.begin(), secretKeys.end(), name) != secretKeys.end();
        (isSecret ? secret : plain)->set(name, resolved->get(name));
    }
    record.fieldsJson = JsonDocument::stringify(plain);
    if (secret->size() == 0) {
        record.secretNonce.clear();
        record.secretCiphertext.clear();
        return;
    }
    SealedSecret sealed = _box.seal(JsonDocument::stringify(secret), associatedData(record));
    record.secretNonce = sealed.nonce;
    record.secretCiphertext = sealed.ciphertext;
}

OpenedCredentials CredentialSealer::open(const AuthorizationRecord& record) const {
    OpenedCredentials opened;
    Object::Ptr plain = JsonDocument::parseObject(record.fieldsJson, "authorization " + record.name);
    std::vector<std::string> names;
    plain->getNames(names);
    for (const auto& name : names) opened.fields[name] = asText(plain->get(name));
    if (record.secretCiphertext.empty()) return opened;
    std::string json = _box.open({record.secretNonce, record.secretCiphertext}, associatedData(record), "authorization \"" + record.name + "\"");
    Object::Ptr secret = JsonDocument::parseObject(json, "authorization " + record.name + " (secrets)");
    names.clear();
    secret->getNames(names);
    for (const auto& name : names) {
        std::string value = asText(secret->get(name));
        opened.fields[name] = value;
        if (!value.empty()) opened.secretValues.push_back(value);
    }
    return opened;
}

bool CredentialSealer::same(const AuthorizationRecord& record, const Object::Ptr& resolved, std::vector<std::string>& changedFields) const {
    OpenedCredentials stored = open(record);
    std::set<std::string> keys;
    for (const auto& [name, value] : stored.fields) keys.insert(name);
    std::vector<std::string> names;
    resolved->getNames(names);
    keys.insert(names.begin(), names.end());
    for (const auto& key : keys) {
        auto it = stored.fields.find(key);
        bool inStored = it != stored.fields.end();
        bool inResolved = resolved->has(key);
        if (inStored != inResolved || (inResolved && asText(resolved->get(key)) != it->second)) changedFields.push_back(key);
    }
    return changedFields.empty();
}

} // namespace jobhost::host
