// jobhost host — AuthorizationUpdateHandler.h
// PUT /api/v1/authorizations/{name} — change an authorization.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Like create, for an existing row; secret fields left out (or empty) keep
/// their stored values. Writes row + audit row in one transaction when
/// anything changed (the audit row names changed fields, never values).
/// 404 when absent.
class AuthorizationUpdateHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
