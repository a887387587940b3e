// ApiError.cpp — jobhost postup-sim: an error that becomes a PostUp error response.
// SPDX-License-Identifier: Apache-2.0
#include "ApiError.h"

#include "JsonWriter.h"

namespace jobhost::sim {

ApiError::ApiError(int httpStatus, const std::string& message, std::string field)
    : std::runtime_error(message), _status(httpStatus), _field(std::move(field)) {}

ApiError& ApiError::withInt(std::string key, std::int64_t value) {
  _ints.emplace_back(std::move(key), value);
  return *this;
}

ApiError& ApiError::withString(std::string key, std::string value) {
  _strings.emplace_back(std::move(key), std::move(value));
  return *this;
}

std::string ApiError::body() const {
  JsonWriter w;
  w.beginObject().field("status", "error").field("message", std::string(what()));
  if (!_field.empty()) w.field("field", _field);
  for (const auto& [k, v] : _strings) w.field(k, v);
  for (const auto& [k, v] : _ints) w.field(k, v);
  w.endObject();
  return w.take();
}

ApiError ApiError::notFound(const std::string& what, std::int64_t id) {
  return ApiError(404, what + " " + std::to_string(id) + " not found");
}

ApiError ApiError::badRequest(const std::string& message, const std::string& field) {
  return ApiError(400, message, field);
}

} // namespace jobhost::sim
