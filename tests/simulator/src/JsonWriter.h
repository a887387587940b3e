// JsonWriter.h — jobhost postup-sim: a small append-only JSON encoder.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobhost::sim {

/// Builds compact JSON into a string; UTF-8 passes through unescaped. The
/// caller keeps begin/end balanced. Not thread-safe (one writer per response).
class JsonWriter {
public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(double number);
  JsonWriter& null();
  /// key + value shorthand.
  template <typename T> JsonWriter& field(std::string_view name, const T& v) { key(name); return value(v); }
  /// key + value, or key + null when empty.
  template <typename T> JsonWriter& fieldOrNull(std::string_view name, const std::optional<T>& v) {
    key(name);
    return v ? value(*v) : null();
  }
  /// key + value, or nothing at all when empty (a "missing optional field").
  template <typename T> JsonWriter& fieldIfSet(std::string_view name, const std::optional<T>& v) {
    return v ? field(name, *v) : *this;
  }
  JsonWriter& intArray(std::string_view name, const std::vector<std::int64_t>& items);
  JsonWriter& stringArray(std::string_view name, const std::vector<std::string>& items);

  const std::string& str() const { return _out; }
  std::string take() { return std::move(_out); }
  std::size_t size() const { return _out.size(); }
  void clear() { _out.clear(); _first.clear(); _afterKey = false; }

  static void escape(std::string& out, std::string_view text);

private:
  void separator();
  std::string _out;
  std::vector<bool> _first;
  bool _afterKey = false;
};

} // namespace jobhost::sim
