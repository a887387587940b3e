// jobhost host — AuthorizationListHandler.h
// GET /api/v1/authorizations — every authorization, secrets never included.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Lists authorizations via AuthorizationView (plain fields and the names of
/// secret fields only; the sealed part is never opened). 503 without a store.
class AuthorizationListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
