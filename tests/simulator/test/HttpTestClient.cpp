// HttpTestClient.cpp — jobhost postup-sim tests: a tiny HTTP client over Poco.
// SPDX-License-Identifier: Apache-2.0
#include "HttpTestClient.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>

#include <sstream>

namespace jobhost::sim::test {

std::string HttpResult::header(const std::string& lowerName) const {
  auto it = headers.find(lowerName);
  return it == headers.end() ? "" : it->second;
}

HttpTestClient::HttpTestClient(std::uint16_t port, std::string user, std::string password)
    : _port(port), _user(std::move(user)), _password(std::move(password)) {}

void HttpTestClient::setCredentials(std::string user, std::string password) {
  _user = std::move(user);
  _password = std::move(password);
  _auth = true;
}

void HttpTestClient::clearCredentials() { _auth = false; }

HttpResult HttpTestClient::request(const std::string& method, const std::string& path, const std::string& body,
                                   const std::map<std::string, std::string>& headers) {
  HttpResult r;
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", _port);
    session.setTimeout(Poco::Timespan(20, 0));
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (_auth) Poco::Net::HTTPBasicCredentials(_user, _password).authenticate(req);
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty() || method == "POST" || method == "PUT") {
      req.setContentType("application/json");
      req.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    std::ostream& out = session.sendRequest(req);
    out << body;
    Poco::Net::HTTPResponse res;
    std::istream& in = session.receiveResponse(res);
    r.status = res.getStatus();
    for (const auto& [k, v] : res) r.headers[Poco::toLower(k)] = v;
    std::ostringstream text;
    text << in.rdbuf();
    r.body = text.str();
  } catch (const Poco::Exception& e) {
    r.error = e.displayText();
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

Poco::JSON::Object::Ptr HttpTestClient::object(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr HttpTestClient::array(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Poco::JSON::Array::Ptr>();
}

SimulatorOptions HttpTestClient::smallOptions() {
  SimulatorOptions o;
  o.seed = 7;
  o.lists = 4;
  o.recipients = 600;
  o.membershipsPerRecipient = 2;
  o.campaigns = 3;
  o.mailingsPerCampaign = 4;
  o.eventsPerMailing = 100;
  o.now = 1717261200; // 2024-06-01 12:00:00 Central (17:00Z)
  o.importDelayMs = 50;
  o.maxThreads = 4;
  return o;
}

} // namespace jobhost::sim::test
