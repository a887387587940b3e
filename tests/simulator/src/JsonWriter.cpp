// JsonWriter.cpp — jobhost postup-sim: a small append-only JSON encoder.
// SPDX-License-Identifier: Apache-2.0
#include "JsonWriter.h"

#include <cmath>
#include <cstdio>

namespace jobhost::sim {

void JsonWriter::separator() {
  if (_afterKey) { _afterKey = false; return; }
  if (!_first.empty()) {
    if (!_first.back()) _out.push_back(',');
    _first.back() = false;
  }
}

JsonWriter& JsonWriter::beginObject() { separator(); _out.push_back('{'); _first.push_back(true); return *this; }
JsonWriter& JsonWriter::endObject() { _out.push_back('}'); _first.pop_back(); return *this; }
JsonWriter& JsonWriter::beginArray() { separator(); _out.push_back('['); _first.push_back(true); return *this; }
JsonWriter& JsonWriter::endArray() { _out.push_back(']'); _first.pop_back(); return *this; }

JsonWriter& JsonWriter::key(std::string_view name) {
  separator();
  _out.push_back('"');
  escape(_out, name);
  _out.append("\":");
  _afterKey = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separator();
  _out.push_back('"');
  escape(_out, text);
  _out.push_back('"');
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  separator();
  _out.append(std::to_string(number));
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separator();
  _out.append(flag ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  separator();
  if (!std::isfinite(number)) { _out.append("null"); return *this; }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", number);
  _out.append(buf);
  return *this;
}

JsonWriter& JsonWriter::null() { separator(); _out.append("null"); return *this; }

JsonWriter& JsonWriter::intArray(std::string_view name, const std::vector<std::int64_t>& items) {
  key(name);
  beginArray();
  for (auto v : items) value(v);
  return endArray();
}

JsonWriter& JsonWriter::stringArray(std::string_view name, const std::vector<std::string>& items) {
  key(name);
  beginArray();
  for (const auto& v : items) value(v);
  return endArray();
}

void JsonWriter::escape(std::string& out, std::string_view text) {
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
    case '"': out.append("\\\""); break;
    case '\\': out.append("\\\\"); break;
    case '\n': out.append("\\n"); break;
    case '\r': out.append("\\r"); break;
    case '\t': out.append("\\t"); break;
    default:
      if (u < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u);
        out.append(buf);
      } else {
        out.push_back(c);
      }
    }
  }
}

} // namespace jobhost::sim
