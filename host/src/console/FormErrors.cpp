// jobhost host — FormErrors.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/FormErrors.h"

#include "console/ApiException.h"
#include "console/ApiHandler.h"

namespace jobhost::host {

void FormErrors::add(const std::string& field, const std::string& what) { _lines.push_back(field + ": " + what); }
void FormErrors::addLine(const std::string& line) { _lines.push_back(line); }

void FormErrors::mask(const Poco::Dynamic::Var& value) {
    try {
        if (value.isEmpty()) return;
        std::string text = value.convert<std::string>();
        if (!text.empty()) _masked.push_back(text);
    } catch (const Poco::Exception&) {
        return; // objects/arrays: ConfigSchema describes them without values
    }
}

std::string FormErrors::text(const Poco::JSON::Object::Ptr& o, const std::string& key, bool required, const std::string& prefix) {
    std::string field = prefix.empty() ? key : prefix + "." + key;
    if (!o->has(key) || o->get(key).isEmpty()) {
        if (required) add(field, "required string is missing");
        return {};
    }
    Poco::Dynamic::Var v = o->get(key);
    if (!v.isString()) {
        add(field, "expected string");
        return {};
    }
    std::string s = v.convert<std::string>();
    if (required && s.empty()) add(field, "must not be empty");
    return s;
}

void FormErrors::refuseUnknown(const Poco::JSON::Object::Ptr& o, const std::string& prefix, const std::set<std::string>& allowed) {
    std::vector<std::string> names;
    o->getNames(names);
    for (const auto& n : names) {
        if (allowed.count(n)) continue;
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        add(prefix.empty() ? n : prefix + "." + n, "unknown key (allowed: " + list + ")");
    }
}

void FormErrors::raiseIfAny() const {
    if (_lines.empty()) return;
    std::string message;
    for (const auto& line : _lines) message += (message.empty() ? "" : "; ") + line;
    for (const auto& secret : _masked) {
        for (std::size_t at = message.find(secret); at != std::string::npos; at = message.find(secret, at + 3))
            message.replace(at, secret.size(), "***");
    }
    throw ApiException(400, message, ApiHandler::fieldOf(_lines.front()));
}

} // namespace jobhost::host
