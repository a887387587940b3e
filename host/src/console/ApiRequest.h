// jobhost host — ApiRequest.h
// One API call as a handler sees it: route parameters, query, JSON body.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>

namespace jobhost::host {

/// Path parameters captured by the router ("{name}" → value, URL-decoded).
using RouteParams = std::map<std::string, std::string>;

/// Wraps the Poco request for one handler call. Not thread-safe (one per
/// request). Accessors that validate throw ApiException(400) naming the
/// offending parameter.
class ApiRequest {
public:
    ApiRequest(Poco::Net::HTTPServerRequest& request, RouteParams params);

    Poco::Net::HTTPServerRequest& raw() { return _request; }
    const std::string& method() const { return _request.getMethod(); }
    /// A path parameter; "" when the route has none of that name.
    std::string param(const std::string& name) const;
    /// A query parameter; `fallback` when absent.
    std::string query(const std::string& name, const std::string& fallback = {}) const;
    /// An integer query parameter within [minimum, maximum]; `fallback` when
    /// absent. Throws ApiException(400, field = name) otherwise.
    long long queryInt(const std::string& name, long long fallback, long long minimum, long long maximum) const;
    /// The body parsed as a JSON object (at most 1 MiB). Throws
    /// ApiException(400) when it is missing, too large or not an object.
    Poco::JSON::Object::Ptr jsonBody();
    /// Who is acting, for audit rows: "console@<client address>".
    std::string actor() const;

    /// The query parameters of a request target ("/path?a=1&b=%20"),
    /// URL-decoded, in order. Throws ApiException(400) when malformed.
    static std::multimap<std::string, std::string> parseQuery(const std::string& target);
    /// A request body (already read, at most 1 MiB) as a JSON object.
    /// Throws ApiException(400) when blank, not JSON or not an object.
    static Poco::JSON::Object::Ptr parseJsonBody(const std::string& text);

private:
    Poco::Net::HTTPServerRequest& _request;
    RouteParams _params;
    std::multimap<std::string, std::string> _query;
};

} // namespace jobhost::host
