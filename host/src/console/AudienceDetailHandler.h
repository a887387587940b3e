// jobhost host — AudienceDetailHandler.h
// GET /api/v1/audiences/{slug} — one audience: definition, members, recent changes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Definition, counts, "recent": the newest enters/exits (?limit=, 1-1000,
/// default 200) and "members": the first 100 member ids. 404 when unknown.
class AudienceDetailHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
