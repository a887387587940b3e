// jobhost postup plugin — ExportConfig.cpp
// SPDX-License-Identifier: Apache-2.0
#include "export/ExportConfig.h"

#include <algorithm>
#include <stdexcept>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace jobhost::plugins::postup {
namespace {

using Poco::JSON::Object;

Object::Ptr parseObject(const std::string& text) {
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(text.empty() ? std::string("{}") : text);
        if (value.type() == typeid(Object::Ptr)) return value.extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("export config is not valid JSON: " + e.displayText());
    }
    throw std::invalid_argument("export config is not a JSON object");
}

bool present(const Object& o, const std::string& key) { return o.has(key) && !o.get(key).isEmpty(); }

std::string text(const Object& o, const std::string& key, const std::string& fallback) {
    if (!present(o, key)) return fallback;
    const auto v = o.get(key);
    if (!v.isString()) throw std::invalid_argument("export config: \"" + key + "\" must be a string");
    return v.extract<std::string>();
}

std::int64_t integer(const Object& o, const std::string& key, std::int64_t fallback, std::int64_t min, std::int64_t max) {
    if (!present(o, key)) return fallback;
    const auto v = o.get(key);
    std::int64_t n = 0;
    try {
        if (v.isString() || v.isBoolean()) throw std::invalid_argument("");
        const double d = v.convert<double>();
        n = static_cast<std::int64_t>(d);
        if (static_cast<double>(n) != d) throw std::invalid_argument("");
    } catch (const std::exception&) { // Poco::Exception derives from std::exception
        throw std::invalid_argument("export config: \"" + key + "\" must be an integer");
    }
    if (n < min || n > max)
        throw std::invalid_argument("export config: \"" + key + "\" must be between " + std::to_string(min) + " and " +
                                    std::to_string(max) + ", got " + std::to_string(n));
    return n;
}

bool boolean(const Object& o, const std::string& key, bool fallback) {
    if (!present(o, key)) return fallback;
    const auto v = o.get(key);
    if (!v.isBoolean()) throw std::invalid_argument("export config: \"" + key + "\" must be true or false");
    return v.extract<bool>();
}

void replaceAll(std::string& s, const std::string& what, const std::string& with) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

} // namespace

ExportConfig ExportConfig::fromJson(const std::string& configJson, const sdk::Credentials& credentials) {
    const Object::Ptr o = parseObject(configJson);
    ExportConfig c;
    c.audience = text(*o, "audience", "");
    if (c.audience.empty()) throw std::invalid_argument("export config: \"audience\" is required");
    if (present(*o, "list")) c.listId = integer(*o, "list", 0, 1, INT64_MAX);
    c.listTitleTemplate = text(*o, "list_title_template", c.listTitleTemplate);
    if (c.listTitleTemplate.empty()) throw std::invalid_argument("export config: \"list_title_template\" must not be empty");
    c.emailField = text(*o, "email_field", c.emailField);
    if (c.emailField.empty()) throw std::invalid_argument("export config: \"email_field\" must not be empty");
    if (present(*o, "field_mappings")) {
        auto mappings = o->getObject("field_mappings");
        if (!mappings) throw std::invalid_argument("export config: \"field_mappings\" must be an object");
        for (const auto& [profileField, value] : *mappings) {
            if (!value.isString())
                throw std::invalid_argument("export config: field_mappings[\"" + profileField + "\"] must be a string");
            const std::string target = value.extract<std::string>();
            if (profileField.empty() || target.empty())
                throw std::invalid_argument("export config: field_mappings entries must name a profile field and a PostUp field");
            c.fieldMappings.emplace_back(profileField, target);
        }
        std::sort(c.fieldMappings.begin(), c.fieldMappings.end());
    }
    c.removeOnExit = boolean(*o, "remove_on_exit", c.removeOnExit);
    c.backfill = boolean(*o, "backfill", c.backfill);
    c.batchSize = static_cast<int>(integer(*o, "batch_size", c.batchSize, 1, 10000));
    c.flushIntervalMs = integer(*o, "flush_interval_ms", c.flushIntervalMs, 1, 3600000);
    c.importPollIntervalMs = integer(*o, "import_poll_interval_ms", c.importPollIntervalMs, 1, 60000);

    auto credential = [&](const std::string& key) {
        auto it = credentials.find(key);
        return it == credentials.end() ? std::string() : it->second;
    };
    c.apiBaseUrl = text(*o, "api_base_url", "");
    if (c.apiBaseUrl.empty()) c.apiBaseUrl = credential("api_base_url");
    if (c.apiBaseUrl.empty()) c.apiBaseUrl = "https://api.postup.com/api";
    c.username = credential("username");
    c.password = credential("password");
    if (c.username.empty()) throw std::invalid_argument("export credentials: \"username\" is required");
    return c;
}

std::string ExportConfig::listTitle(const std::string& hostName) const {
    std::string title = listTitleTemplate;
    replaceAll(title, "{host}", hostName);
    replaceAll(title, "{audience}", audience);
    return title;
}

} // namespace jobhost::plugins::postup
