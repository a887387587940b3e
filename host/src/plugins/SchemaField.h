// jobhost host — SchemaField.h
// One field of a manifest config schema. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>

namespace jobhost::host {

/// Value types a schema field may declare.
enum class FieldType { String, Integer, Number, Boolean, Object, Map, Array };

/// A declared config field: type, constraints and nested shapes. Immutable
/// after ConfigSchema builds it.
struct SchemaField {
    std::string key;
    FieldType type = FieldType::String;
    bool required = false;
    bool secret = false;                    ///< write-only; never echoed, logged or stored in plain text
    std::optional<Poco::Dynamic::Var> defaultValue;
    std::vector<std::string> enumValues;    ///< allowed values (strings) when non-empty
    std::string format;                     ///< String: a ValueFormat name ("time_zone", "url") or empty
    std::optional<double> minimum;
    std::optional<double> maximum;
    std::string title;
    std::string description;
    std::vector<SchemaField> properties;    ///< Object: its fields (unknown keys refused)
    std::shared_ptr<SchemaField> element;   ///< Map: value shape; Array: item shape
};

/// Name of a field type as written in manifests ("string", "integer", ...).
const char* fieldTypeName(FieldType type);

} // namespace jobhost::host
