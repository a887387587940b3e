// jobhost host — ProviderView.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProviderView.h"

#include <Poco/JSON/Array.h>
#include <Poco/Path.h>

namespace jobhost::host {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr ProviderView::toJson(const ProviderEntry& entry, bool schemas) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    if (!entry.manifest) {
        o->set("name", Poco::Path(entry.manifestFile).getBaseName());
        o->set("loaded", false);
        o->set("error", entry.error);
        return o;
    }
    const ProviderManifest& m = *entry.manifest;
    o->set("name", m.name);
    o->set("title", m.title);
    o->set("description", m.description);
    o->set("version", m.version);
    o->set("abi", m.abi);
    o->set("loaded", entry.plugin != nullptr);
    if (!entry.error.empty()) o->set("error", entry.error);
    o->set("concurrency", m.concurrency);

    Array::Ptr methods = new Array;
    for (const auto& a : m.authMethods) {
        Object::Ptr method = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        method->set("name", a.name);
        method->set("title", a.title);
        if (schemas) method->set("fields", a.fields.toJson());
        methods->add(method);
    }
    o->set("authMethods", methods);

    Array::Ptr types = new Array;
    for (const auto& t : m.jobTypes) {
        Object::Ptr type = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        type->set("name", t.name);
        type->set("role", t.role == JobRole::Import ? "import" : "export");
        type->set("title", t.title);
        type->set("description", t.description);
        type->set("defaultIntervalSeconds", t.defaultIntervalSeconds);
        if (schemas) type->set("config", t.config.toJson());
        types->add(type);
    }
    o->set("jobTypes", types);

    Array::Ptr streams = new Array;
    for (const auto& s : m.streams) {
        Object::Ptr stream = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        stream->set("name", s.name);
        stream->set("description", s.description);
        streams->add(stream);
    }
    o->set("streams", streams);
    if (schemas) {
        Object::Ptr rate = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        rate->set("requestsPerSecond", m.rateLimit.requestsPerSecond);
        rate->set("burst", m.rateLimit.burst);
        o->set("rateLimit", rate);
    }
    return o;
}

} // namespace jobhost::host
