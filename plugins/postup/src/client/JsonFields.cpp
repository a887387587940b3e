// jobhost postup plugin — JsonFields.cpp
// SPDX-License-Identifier: Apache-2.0
#include "client/JsonFields.h"

#include <Poco/NumberParser.h>

namespace jobhost::plugins::postup {

std::string JsonFields::text(const Poco::JSON::Object& object, const std::string& key) {
    const Poco::Dynamic::Var& value = object.get(key);
    if (value.isEmpty()) return {};
    try {
        if (value.isString()) return value.extract<std::string>();
        if (value.isArray() || value.type() == typeid(Poco::JSON::Object::Ptr) ||
            value.type() == typeid(Poco::JSON::Array::Ptr))
            return {};
        return value.convert<std::string>();
    } catch (const Poco::Exception&) {
        return {};
    }
}

bool JsonFields::has(const Poco::JSON::Object& object, const std::string& key) {
    return !object.get(key).isEmpty();
}

std::optional<std::int64_t> JsonFields::integer(const Poco::JSON::Object& object, const std::string& key) {
    const Poco::Dynamic::Var& value = object.get(key);
    if (value.isEmpty()) return std::nullopt;
    try {
        if (value.isString()) {
            Poco::Int64 parsed = 0;
            if (Poco::NumberParser::tryParse64(value.extract<std::string>(), parsed)) return parsed;
            return std::nullopt;
        }
        if (value.isInteger()) return value.convert<Poco::Int64>();
        if (value.isNumeric()) return static_cast<std::int64_t>(value.convert<double>());
    } catch (const Poco::Exception&) {
    }
    return std::nullopt;
}

bool JsonFields::boolean(const Poco::JSON::Object& object, const std::string& key, bool fallback) {
    const Poco::Dynamic::Var& value = object.get(key);
    if (value.isEmpty()) return fallback;
    try {
        if (value.isBoolean()) return value.extract<bool>();
        if (value.isString()) {
            const auto& s = value.extract<std::string>();
            if (s == "true" || s == "1") return true;
            if (s == "false" || s == "0") return false;
            return fallback;
        }
        if (value.isNumeric()) return value.convert<double>() != 0.0;
    } catch (const Poco::Exception&) {
    }
    return fallback;
}

} // namespace jobhost::plugins::postup
