// jobhost host — ConfigSchema.h
// Validates job configs and credential fields against a manifest schema.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "plugins/SchemaField.h"

namespace jobhost::host {

/// A set of named fields read from a manifest (`{"key": {"type": ...}}`).
/// Immutable after construction; thread-safe to share.
class ConfigSchema {
public:
    ConfigSchema() = default;

    /// Reads a schema object. `path` is the key path of `fields` inside the
    /// manifest (for messages). Throws ManifestException naming the key path
    /// of the first problem (unknown type, bad default, unknown attribute).
    static ConfigSchema fromJson(const Poco::JSON::Object::Ptr& fields, const std::string& path);

    /// Checks `config` and returns a copy with defaults filled in. Every
    /// problem is appended to `errors` as "<path>.<key>: <what>"; unknown
    /// keys, wrong types, missing required fields and values outside an enum
    /// or range are errors. When errors were added the returned object is
    /// incomplete and must not be used.
    Poco::JSON::Object::Ptr validate(const Poco::JSON::Object::Ptr& config, const std::string& path,
                                     std::vector<std::string>& errors) const;

    /// validate(), throwing ConfigException with all errors (one per line).
    Poco::JSON::Object::Ptr validateOrThrow(const Poco::JSON::Object::Ptr& config, const std::string& path) const;

    /// Top-level keys declared secret.
    std::vector<std::string> secretKeys() const;
    const std::vector<SchemaField>& fields() const { return _fields; }
    /// JSON description of the schema (for the console's generated forms).
    Poco::JSON::Object::Ptr toJson() const;

private:
    std::vector<SchemaField> _fields;
};

} // namespace jobhost::host
