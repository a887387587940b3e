// jobhost postup plugin — JsonFields.h
// Lenient field access on Poco JSON objects (numbers as strings, nulls, case).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace jobhost::plugins::postup {

/// Static helpers; thread-safe, never throw. The server emits canonical
/// camelCase names but coerces types loosely (§1), so readers accept a number
/// sent as a string and vice versa, and treat null like absent.
class JsonFields {
public:
    /// The member's value as text: strings as-is, numbers and booleans
    /// formatted, null/absent/objects/arrays → empty.
    static std::string text(const Poco::JSON::Object& object, const std::string& key);
    /// True when the member exists and is not null.
    static bool has(const Poco::JSON::Object& object, const std::string& key);
    /// Integer value (number or numeric string); nullopt otherwise.
    static std::optional<std::int64_t> integer(const Poco::JSON::Object& object, const std::string& key);
    /// Boolean value (bool, "true"/"false", 1/0); `fallback` otherwise.
    static bool boolean(const Poco::JSON::Object& object, const std::string& key, bool fallback);
};

} // namespace jobhost::plugins::postup
