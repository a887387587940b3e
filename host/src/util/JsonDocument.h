// jobhost host — JsonDocument.h
// Parses JSON text with errors that name file, line and column.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

namespace jobhost::host {

/// Reads JSON documents for the host. Stateless; thread-safe.
class JsonDocument {
public:
    /// Parses `text`; `origin` names the source in messages (a file path).
    /// Throws ConfigException "origin:LINE:COLUMN: <what is wrong>" on a
    /// syntax error (Poco's parser reports no position, so a small syntax
    /// scanner locates it first).
    static Poco::Dynamic::Var parse(const std::string& text, const std::string& origin);
    /// Like parse() but requires the top level to be an object.
    static Poco::JSON::Object::Ptr parseObject(const std::string& text, const std::string& origin);
    /// Reads a file whole and parses it as an object. Throws ConfigException
    /// naming the path when it cannot be read.
    static Poco::JSON::Object::Ptr readObjectFile(const std::string& path);
    /// Reads a file whole. Throws ConfigException naming the path on failure.
    static std::string readFile(const std::string& path);
    /// Compact JSON text of a value.
    static std::string stringify(const Poco::Dynamic::Var& value);
    /// A parsed JSON number as an int64: an integer, or a double without a
    /// fraction, that fits. nullopt for anything else (bools, strings,
    /// fractions, NaN, values beyond int64 such as 1e40 or 2^64-1). Never throws.
    static std::optional<std::int64_t> asInt64(const Poco::Dynamic::Var& value);
};

} // namespace jobhost::host
