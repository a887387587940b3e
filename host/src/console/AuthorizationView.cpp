// jobhost host — AuthorizationView.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AuthorizationView.h"

#include <Poco/JSON/Array.h>

#include "util/JsonDocument.h"

namespace jobhost::host {

using Poco::JSON::Object;

Object::Ptr AuthorizationView::toJson(const AuthorizationRecord& record, const PluginRegistry* pPlugins) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("name", record.name);
    o->set("provider", record.provider);
    o->set("method", record.method);
    o->set("label", record.label);
    o->set("description", record.description);
    Object::Ptr fields = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    try {
        fields = JsonDocument::parseObject(record.fieldsJson, "authorization " + record.name);
    } catch (const Poco::Exception&) {
        fields = new Object;
    }
    std::vector<std::string> secretKeys;
    if (pPlugins) {
        try {
            if (const AuthMethod* m = pPlugins->manifest(record.provider).findAuthMethod(record.method)) secretKeys = m->fields.secretKeys();
        } catch (const Poco::Exception&) {
            secretKeys.clear(); // unknown provider: list no secret names
        }
    }
    for (const auto& key : secretKeys) fields->remove(key); // belt and braces: fieldsJson never holds them
    o->set("fields", fields);
    Poco::JSON::Array::Ptr secrets = new Poco::JSON::Array;
    for (const auto& key : secretKeys) {
        Object::Ptr s = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        s->set("name", key);
        s->set("set", !record.secretCiphertext.empty());
        secrets->add(s);
    }
    o->set("secretFields", secrets);
    o->set("createdAt", record.createdAt);
    o->set("updatedAt", record.updatedAt);
    return o;
}

} // namespace jobhost::host
