// jobhost host — ProfileSearchHandler.h
// GET /api/v1/profiles — summary, or look-up by email / id / key.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Without parameters: {"count", "identityKeys", "recent": newest 20 profiles
/// with their email}. With ?email=, ?id= or ?key=FIELD=VALUE: the matching
/// profile as ProfileView (404 naming the parameter when none matches; 400
/// naming it when malformed).
class ProfileSearchHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
