// JsonInput.h — jobhost postup-sim: lenient reading of request bodies (§1 PROP).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// A parsed JSON object whose keys match case-insensitively; integers accept
/// numeric strings, booleans accept "true"/"false"/0/1. Every getter returns
/// empty for an absent or null key and throws ApiError 400 naming the field
/// for a wrong type. Not thread-safe; one per request.
class JsonInput {
public:
  /// Parses `body`; throws ApiError 400 "Malformed JSON…" or "…JSON object".
  static JsonInput parseObject(const std::string& body);
  explicit JsonInput(Poco::JSON::Object::Ptr object);

  bool has(const std::string& key) const;
  std::optional<std::string> getString(const std::string& key) const;
  std::optional<std::int64_t> getInt(const std::string& key) const;
  std::optional<bool> getBool(const std::string& key) const;
  std::optional<std::vector<std::int64_t>> getIntArray(const std::string& key) const;
  std::optional<std::vector<std::string>> getStringArray(const std::string& key) const;
  /// Nested object; throws 400 when the value is not an object.
  std::optional<JsonInput> getObject(const std::string& key) const;
  /// Integer that must be present; throws 400 "<key> is required".
  std::int64_t requireInt(const std::string& key) const;
  std::string requireString(const std::string& key) const;

  static std::optional<std::int64_t> parseInt(const std::string& text);

private:
  Poco::Dynamic::Var raw(const std::string& key) const;
  Poco::JSON::Object::Ptr _object;
  std::map<std::string, std::string> _keys; // lower-case -> actual
};

} // namespace jobhost::sim
