// jobhost host — NotFoundHandler.h
// The explicit 404 for unknown routes (Poco would answer 501).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Answers 404 {"error": {"message": "no route ..."}}. Under /api/ the
/// token is checked first (an anonymous caller learns nothing about routes).
class NotFoundHandler : public ApiHandler {
public:
    NotFoundHandler(const ConsoleServices& services, RouteParams params, bool requiresToken) : ApiHandler(services, std::move(params), requiresToken) {}

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
