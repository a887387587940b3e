// jobhost host — AuthorizationCreateHandler.h
// POST /api/v1/authorizations — create an authorization (secrets write-only).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Validates the body (AuthorizationForm), seals secret fields with the
/// SecretBox and inserts the row and its audit row in one transaction.
/// 201 with the AuthorizationView; 400 naming the field; 409 (field "name")
/// when the name is taken; 503 without a store or secret key.
class AuthorizationCreateHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
