// HttpTestClient.h — jobhost postup-sim tests: a tiny HTTP client over Poco.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorOptions.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <string>

namespace jobhost::sim::test {

/// One response; `error` holds the exception text when the exchange failed
/// (reset, truncated body, …) and then `status` may be 0.
struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers; ///< lower-case names
  std::string error;
  std::string header(const std::string& lowerName) const;
};

/// Sends requests to 127.0.0.1:port with Basic auth, one connection per
/// request. Not thread-safe.
class HttpTestClient {
public:
  explicit HttpTestClient(std::uint16_t port, std::string user = "api@example.com", std::string password = "secret");
  void setCredentials(std::string user, std::string password);
  void clearCredentials();
  HttpResult get(const std::string& path) { return request("GET", path, ""); }
  HttpResult post(const std::string& path, const std::string& body) { return request("POST", path, body); }
  HttpResult put(const std::string& path, const std::string& body) { return request("PUT", path, body); }
  HttpResult request(const std::string& method, const std::string& path, const std::string& body,
                     const std::map<std::string, std::string>& headers = {});

  /// Parse helpers; throw on malformed JSON (a test failure).
  static Poco::JSON::Object::Ptr object(const std::string& json);
  static Poco::JSON::Array::Ptr array(const std::string& json);
  /// Options for fast tests: small sizes, frozen clock 2024-06-01 12:00 Central, 50 ms imports.
  static SimulatorOptions smallOptions();

private:
  std::uint16_t _port;
  std::string _user;
  std::string _password;
  bool _auth = true;
};

} // namespace jobhost::sim::test
