// HttpExchange.h — jobhost postup-sim: one request/response pair with helpers.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace jobhost::sim {

class ApiError;

/// Wraps one request: normalised path (duplicate slashes collapsed, one
/// trailing slash dropped), path segments, query parameters with lower-case
/// keys, the body (read eagerly, at most 64 MiB), and response helpers that
/// honour the "truncate" fault. Used by one handler thread only.
class HttpExchange {
public:
  HttpExchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

  const std::string& method() const { return _method; }
  const std::string& path() const { return _path; }
  const std::string& rawQuery() const { return _rawQuery; }
  const std::vector<std::string>& segments() const { return _segments; }
  std::optional<std::string> query(const std::string& lowerKey) const;
  std::optional<std::string> header(const std::string& name) const;
  const std::string& body() const { return _body; }
  Poco::Net::HTTPServerRequest& request() { return _request; }

  /// When set, the next send writes about half of the body and closes.
  void setTruncate(bool truncate) { _truncate = truncate; }
  bool truncating() const { return _truncate; }

  void sendJson(int status, const std::string& json);
  void sendText(int status, const std::string& text, const std::string& contentType = "text/plain; charset=utf-8");
  void sendError(const ApiError& error);
  /// Starts a chunked response and returns its stream.
  std::ostream& beginStream(int status, const std::string& contentType);
  /// Starts a response of exactly `length` bytes (Content-Length) and returns its stream.
  std::ostream& beginFixed(int status, const std::string& contentType, std::int64_t length);
  /// Ends a truncated stream: flushes, half-closes the socket and drops keep-alive.
  void abortStream();
  /// Closes the connection with a TCP RST; nothing is sent.
  void resetConnection();
  void addHeader(const std::string& name, const std::string& value);

  bool sent() const { return _sent; }
  int status() const { return _status; }

private:
  void send(int status, const std::string& body, const std::string& contentType);
  Poco::Net::HTTPServerRequest& _request;
  Poco::Net::HTTPServerResponse& _response;
  std::string _method;
  std::string _path;
  std::string _rawQuery;
  std::vector<std::string> _segments;
  std::map<std::string, std::string> _query;
  std::string _body;
  bool _truncate = false;
  bool _sent = false;
  int _status = 0;
  std::ostream* _pStream = nullptr;
};

} // namespace jobhost::sim
