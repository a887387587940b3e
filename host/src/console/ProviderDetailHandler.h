// jobhost host — ProviderDetailHandler.h
// GET /api/v1/providers/{provider}: one provider with its config schemas.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// The provider's manifest with each auth method's and job type's schema
/// (ConfigSchema::toJson, what the UI renders forms from). 404 for an
/// unknown provider; 409 when its manifest is broken.
class ProviderDetailHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
