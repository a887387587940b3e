// jobhost host — AudienceListHandler.h
// GET /api/v1/audiences — definitions with member and enter/exit counts.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Lists every audience definition with memberCount, enters, exits and
/// whether its current filter has been evaluated.
class AudienceListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
