// JsonInput.cpp — jobhost postup-sim: lenient reading of request bodies (§1 PROP).
// SPDX-License-Identifier: Apache-2.0
#include "JsonInput.h"

#include "ApiError.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace jobhost::sim {

JsonInput JsonInput::parseObject(const std::string& body) {
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parsed = parser.parse(body);
  } catch (const Poco::Exception& e) {
    throw ApiError::badRequest("Malformed JSON: " + e.message());
  } catch (const std::exception& e) {
    throw ApiError::badRequest(std::string("Malformed JSON: ") + e.what());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) throw ApiError::badRequest("Request body must be a JSON object");
  return JsonInput(parsed.extract<Poco::JSON::Object::Ptr>());
}

JsonInput::JsonInput(Poco::JSON::Object::Ptr object) : _object(std::move(object)) {
  for (const auto& [k, v] : *_object) _keys.emplace(Poco::toLower(k), k);
}

Poco::Dynamic::Var JsonInput::raw(const std::string& key) const {
  auto it = _keys.find(Poco::toLower(key));
  if (it == _keys.end()) return {};
  return _object->get(it->second);
}

bool JsonInput::has(const std::string& key) const {
  auto v = raw(key);
  return !v.isEmpty();
}

std::optional<std::int64_t> JsonInput::parseInt(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end == text.c_str() || *end != '\0') return std::nullopt;
  return static_cast<std::int64_t>(v);
}

std::optional<std::string> JsonInput::getString(const std::string& key) const {
  auto v = raw(key);
  if (v.isEmpty()) return std::nullopt;
  if (v.isString()) return v.extract<std::string>();
  if (v.isNumeric() || v.isBoolean()) return v.convert<std::string>();
  throw ApiError::badRequest(key + " must be a string", key);
}

std::optional<std::int64_t> JsonInput::getInt(const std::string& key) const {
  auto v = raw(key);
  if (v.isEmpty()) return std::nullopt;
  if (v.isInteger() && !v.isBoolean()) {
    try { return v.convert<std::int64_t>(); } catch (const Poco::Exception&) { }
  } else if (v.isNumeric() && !v.isBoolean()) {
    double d = v.convert<double>();
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<std::int64_t>(d);
  } else if (v.isString()) {
    if (auto parsed = parseInt(Poco::trim(v.extract<std::string>()))) return parsed;
  }
  throw ApiError::badRequest(key + " must be an integer", key);
}

std::optional<bool> JsonInput::getBool(const std::string& key) const {
  auto v = raw(key);
  if (v.isEmpty()) return std::nullopt;
  if (v.isBoolean()) return v.extract<bool>();
  if (v.isInteger()) {
    auto i = v.convert<std::int64_t>();
    if (i == 0 || i == 1) return i == 1;
  }
  if (v.isString()) {
    std::string s = Poco::toLower(Poco::trim(v.extract<std::string>()));
    if (s == "true" || s == "1") return true;
    if (s == "false" || s == "0") return false;
  }
  throw ApiError::badRequest(key + " must be a boolean", key);
}

std::optional<std::vector<std::int64_t>> JsonInput::getIntArray(const std::string& key) const {
  auto v = raw(key);
  if (v.isEmpty()) return std::nullopt;
  std::vector<std::int64_t> out;
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto arr = v.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < arr->size(); ++i) {
      auto item = arr->get(static_cast<unsigned>(i));
      std::optional<std::int64_t> parsed;
      if (item.isInteger() && !item.isBoolean()) parsed = item.convert<std::int64_t>();
      else if (item.isString()) parsed = parseInt(item.extract<std::string>());
      if (!parsed) throw ApiError::badRequest(key + " must be an array of integers", key);
      out.push_back(*parsed);
    }
    return out;
  }
  throw ApiError::badRequest(key + " must be an array of integers", key);
}

std::optional<std::vector<std::string>> JsonInput::getStringArray(const std::string& key) const {
  auto v = raw(key);
  if (v.isEmpty()) return std::nullopt;
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) throw ApiError::badRequest(key + " must be an array of strings", key);
  auto arr = v.extract<Poco::JSON::Array::Ptr>();
  std::vector<std::string> out;
  out.reserve(arr->size());
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto item = arr->get(static_cast<unsigned>(i));
    if (!item.isString()) throw ApiError::badRequest(key + " must be an array of strings", key);
    out.push_back(item.extract<std::string>());
  }
  return out;
}

std::optional<JsonInput> JsonInput::getObject(const std::string& key) const {
  auto v = raw(key);
  if (v.isEmpty()) return std::nullopt;
  if (v.type() != typeid(Poco::JSON::Object::Ptr)) throw ApiError::badRequest(key + " must be an object", key);
  return JsonInput(v.extract<Poco::JSON::Object::Ptr>());
}

std::int64_t JsonInput::requireInt(const std::string& key) const {
  auto v = getInt(key);
  if (!v) throw ApiError::badRequest(key + " is required", key);
  return *v;
}

std::string JsonInput::requireString(const std::string& key) const {
  auto v = getString(key);
  if (!v || v->empty()) throw ApiError::badRequest(key + " is required", key);
  return *v;
}

} // namespace jobhost::sim
