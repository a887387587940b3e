// jobhost host — SqlValues.h
// Conversions between std types and the Poco Data types bound to SQL.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Types.h>
#include <Poco/Nullable.h>

namespace jobhost::host::sql {

template <typename T>
Poco::Nullable<T> nullable(const std::optional<T>& value) {
    return value ? Poco::Nullable<T>(*value) : Poco::Nullable<T>();
}

template <typename T>
std::optional<T> optional(const Poco::Nullable<T>& value) {
    return value.isNull() ? std::nullopt : std::optional<T>(value.value());
}

/// Empty text ↔ NULL.
inline Poco::Nullable<std::string> nullableText(const std::string& value) {
    return value.empty() ? Poco::Nullable<std::string>() : Poco::Nullable<std::string>(value);
}

inline std::string text(const Poco::Nullable<std::string>& value) { return value.isNull() ? std::string() : value.value(); }

inline Poco::Data::BLOB blob(const std::string& bytes) {
    return Poco::Data::BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

inline std::string bytes(const Poco::Data::BLOB& blob) {
    return blob.size() ? std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size()) : std::string();
}

/// Column `name` of the record set's current row; "" when NULL.
inline std::string columnText(Poco::Data::RecordSet& rows, const std::string& name) {
    const Poco::Dynamic::Var& v = rows[name];
    return v.isEmpty() ? std::string() : v.convert<std::string>();
}

/// Column `name` of the current row; 0 when NULL.
inline Poco::Int64 columnInt(Poco::Data::RecordSet& rows, const std::string& name) {
    const Poco::Dynamic::Var& v = rows[name];
    return v.isEmpty() ? 0 : v.convert<Poco::Int64>();
}

/// Column `name` of the current row; empty when NULL.
inline std::optional<Poco::Int64> columnOptionalInt(Poco::Data::RecordSet& rows, const std::string& name) {
    const Poco::Dynamic::Var& v = rows[name];
    return v.isEmpty() ? std::nullopt : std::optional<Poco::Int64>(v.convert<Poco::Int64>());
}

/// Column `name` of the current row as raw bytes; "" when NULL.
inline std::string columnBytes(Poco::Data::RecordSet& rows, const std::string& name) {
    const Poco::Dynamic::Var& v = rows[name];
    return v.isEmpty() ? std::string() : bytes(v.extract<Poco::Data::BLOB>());
}

} // namespace jobhost::host::sql
