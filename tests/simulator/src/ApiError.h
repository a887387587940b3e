// ApiError.h — jobhost postup-sim: an error that becomes a PostUp error response.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::sim {

/// Thrown by handlers and the state; the router turns it into
/// `{"status":"error","message":…[,"field":…][,extras]}` with `status()` as
/// the HTTP code (postup-api.md §11).
class ApiError : public std::runtime_error {
public:
  ApiError(int httpStatus, const std::string& message, std::string field = {});
  int status() const { return _status; }
  const std::string& field() const { return _field; }
  ApiError& withInt(std::string key, std::int64_t value);
  ApiError& withString(std::string key, std::string value);
  /// The JSON body.
  std::string body() const;

  static ApiError notFound(const std::string& what, std::int64_t id);
  static ApiError badRequest(const std::string& message, const std::string& field = {});

private:
  int _status;
  std::string _field;
  std::vector<std::pair<std::string, std::int64_t>> _ints;
  std::vector<std::pair<std::string, std::string>> _strings;
};

} // namespace jobhost::sim
