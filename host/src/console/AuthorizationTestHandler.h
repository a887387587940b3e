// jobhost host — AuthorizationTestHandler.h
// POST /api/v1/authorizations/{name}/test — check credentials with the provider.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Calls the AuthorizationTester (the plugin's verify) and answers
/// {"ok": bool, "message": redacted text}; writes an audit row (action
/// "test"). 503 when no tester is wired, 404 for an unknown authorization.
class AuthorizationTestHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
