// HttpExchange.cpp — jobhost postup-sim: one request/response pair with helpers.
// SPDX-License-Identifier: Apache-2.0
#include "HttpExchange.h"

#include "ApiError.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <istream>

namespace jobhost::sim {

namespace {
constexpr std::size_t kMaxBody = 64u * 1024u * 1024u;
}

HttpExchange::HttpExchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
    : _request(request), _response(response), _method(Poco::toUpper(request.getMethod())) {
  std::string uri = request.getURI();
  const auto q = uri.find('?');
  std::string rawPath = q == std::string::npos ? uri : uri.substr(0, q);
  _rawQuery = q == std::string::npos ? "" : uri.substr(q + 1);
  std::string decoded;
  try {
    Poco::URI::decode(rawPath, decoded);
  } catch (const Poco::Exception&) {
    decoded = rawPath;
  }
  std::string norm;
  for (char c : decoded) {
    if (c == '/' && !norm.empty() && norm.back() == '/') continue;
    norm.push_back(c);
  }
  if (norm.size() > 1 && norm.back() == '/') norm.pop_back();
  if (norm.empty()) norm.push_back('/');
  _path = norm;
  std::size_t start = 1;
  while (start <= _path.size() && _path.size() > 1) {
    auto slash = _path.find('/', start);
    if (slash == std::string::npos) slash = _path.size();
    _segments.push_back(_path.substr(start, slash - start));
    start = slash + 1;
  }
  try {
    std::string relative("/?");
    relative.append(_rawQuery);
    Poco::URI parsed(relative);
    for (const auto& [k, v] : parsed.getQueryParameters()) _query.emplace(Poco::toLower(k), v);
  } catch (const Poco::Exception&) {
  }
  std::istream& in = request.stream();
  char buf[8192];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    _body.append(buf, static_cast<std::size_t>(in.gcount()));
    if (_body.size() > kMaxBody) break;
  }
}

std::optional<std::string> HttpExchange::query(const std::string& lowerKey) const {
  auto it = _query.find(lowerKey);
  if (it == _query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> HttpExchange::header(const std::string& name) const {
  if (!_request.has(name)) return std::nullopt;
  return _request.get(name);
}

void HttpExchange::addHeader(const std::string& name, const std::string& value) { _response.set(name, value); }

void HttpExchange::send(int status, const std::string& body, const std::string& contentType) {
  _status = status;
  _sent = true;
  _response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  _response.setContentType(contentType);
  _response.setContentLength(static_cast<std::streamsize>(body.size()));
  if (_truncate) {
    _response.setKeepAlive(false);
    std::ostream& out = _response.send();
    out.write(body.data(), static_cast<std::streamsize>(body.size() / 2));
    out.flush();
    abortStream();
    return;
  }
  _response.sendBuffer(body.data(), body.size());
}

void HttpExchange::sendJson(int status, const std::string& json) { send(status, json, "application/json; charset=utf-8"); }

void HttpExchange::sendText(int status, const std::string& text, const std::string& contentType) {
  send(status, text, contentType);
}

void HttpExchange::sendError(const ApiError& error) {
  if (error.status() == 401) _response.set("WWW-Authenticate", "Basic realm=\"PostUp API\"");
  send(error.status(), error.body(), "application/json; charset=utf-8");
}

std::ostream& HttpExchange::beginStream(int status, const std::string& contentType) {
  _status = status;
  _sent = true;
  _response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  _response.setContentType(contentType);
  _response.setChunkedTransferEncoding(true);
  if (_truncate) _response.setKeepAlive(false);
  _pStream = &_response.send();
  return *_pStream;
}

std::ostream& HttpExchange::beginFixed(int status, const std::string& contentType, std::int64_t length) {
  _status = status;
  _sent = true;
  _response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  _response.setContentType(contentType);
  _response.setContentLength64(length);
  _pStream = &_response.send();
  return *_pStream;
}

void HttpExchange::abortStream() {
  if (_pStream) _pStream->flush();
  _response.setKeepAlive(false);
  try {
    auto& impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(_request);
    impl.socket().shutdownSend();
  } catch (const std::exception&) {
  }
}

void HttpExchange::resetConnection() {
  _sent = true;
  _status = 0;
  _response.setKeepAlive(false);
  auto& impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(_request);
  Poco::Net::StreamSocket& socket = impl.socket();
  socket.setLinger(true, 0);
  socket.close();
}

} // namespace jobhost::sim
