// jobhost host — ProfileDetailHandler.h
// GET /api/v1/profiles/{id} — one profile with identities, audiences, fields.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// ProfileView of the profile (a merged-away id shows the survivor).
/// 400 (field "id") for a non-numeric id, 404 when unknown.
class ProfileDetailHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
