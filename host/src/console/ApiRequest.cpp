// jobhost host — ApiRequest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ApiRequest.h"

#include <istream>

#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include "console/ApiException.h"
#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {
constexpr std::size_t kMaxBody = 1 << 20;
}

ApiRequest::ApiRequest(Poco::Net::HTTPServerRequest& request, RouteParams params)
    : _request(request), _params(std::move(params)), _query(parseQuery(request.getURI())) {}

std::multimap<std::string, std::string> ApiRequest::parseQuery(const std::string& target) {
    std::multimap<std::string, std::string> query;
    try {
        for (auto& [k, v] : Poco::URI(target).getQueryParameters()) query.emplace(k, v);
    } catch (const Poco::SyntaxException&) {
        throw ApiException(400, "malformed request URL (a bad %-escape or a character URLs may not hold)");
    }
    return query;
}

Poco::JSON::Object::Ptr ApiRequest::parseJsonBody(const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw ApiException(400, "a JSON object body is required");
    try {
        return JsonDocument::parseObject(text, "request body");
    } catch (const HostException& e) {
        throw ApiException(400, e.message());
    }
}

std::string ApiRequest::param(const std::string& name) const {
    auto it = _params.find(name);
    return it == _params.end() ? std::string() : it->second;
}

std::string ApiRequest::query(const std::string& name, const std::string& fallback) const {
    auto it = _query.find(name);
    return it == _query.end() ? fallback : it->second;
}

long long ApiRequest::queryInt(const std::string& name, long long fallback, long long minimum, long long maximum) const {
    auto it = _query.find(name);
    if (it == _query.end() || it->second.empty()) return fallback;
    Poco::Int64 value = 0;
    if (!Poco::NumberParser::tryParse64(it->second, value) || value < minimum || value > maximum)
        throw ApiException(400, name + ": expected an integer from " + std::to_string(minimum) + " to " + std::to_string(maximum), name);
    return value;
}

Poco::JSON::Object::Ptr ApiRequest::jsonBody() {
    if (_request.hasContentLength() && static_cast<std::size_t>(_request.getContentLength64()) > kMaxBody)
        throw ApiException(413, "request body larger than 1 MiB");
    std::string text;
    std::istream& in = _request.stream();
    char buffer[8192];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxBody) throw ApiException(413, "request body larger than 1 MiB");
    }
    return parseJsonBody(text);
}

std::string ApiRequest::actor() const {
    return "console@" + _request.clientAddress().host().toString();
}

} // namespace jobhost::host
