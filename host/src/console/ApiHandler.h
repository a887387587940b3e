// jobhost host — ApiHandler.h
// Base of every console route handler: token check and error mapping.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "console/ApiRequest.h"
#include "console/ConsoleServices.h"

namespace jobhost::host {

/// One request, one handler object (created by ApiRouter). Checks the
/// bearer token when the route requires it (401 with WWW-Authenticate
/// otherwise), then calls handle(). Exceptions become JSON errors:
/// ApiException → its status and field; NotFoundException → 404;
/// ConfigException → 400 with the field taken from "<field>: <what>";
/// anything else → 500 "internal error" (details go to the log, never to the
/// client). Whatever the outcome, an unread request body is drained so a
/// keep-alive connection stays in sync. Not thread-safe; each instance
/// serves one request.
class ApiHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiHandler(const ConsoleServices& services, RouteParams params, bool requiresToken = true);

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) final;

    /// "Bearer <token>" from the Authorization header; "" when absent.
    static std::string bearerToken(const Poco::Net::HTTPServerRequest& request);
    /// Splits a validation message "<field>: <what>" into its field ("" when
    /// the text has no field prefix).
    static std::string fieldOf(const std::string& message);

protected:
    /// Answers the request. May throw (see the class comment).
    virtual void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) = 0;

    /// The store, or ApiException(503) when the console runs without one.
    const Store& store() const;

    const ConsoleServices& _services;

private:
    /// Token check, handle() and the exception mapping.
    void dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

    RouteParams _params;
    bool _requiresToken;
};

} // namespace jobhost::host
