// jobhost host — ProfileSearchHandler.h
// GET /api/v1/profiles — a page of profiles, or look-up by email / id / key.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

#include <Poco/Data/Session.h>

namespace jobhost::host {

/// Without a look-up parameter: one keyset page of profiles in id order
/// (ProfileListing), ?limit=1..1000 (default 50), ?after=<next of the
/// previous page>, ?audience=SLUG for one audience's members (404 when not
/// defined): {"count" (all, or the audience's), "identityKeys", "profiles":
/// [{"id", "email" (when it has one), "updated" (ms), "profile": plain
/// fields}], "next": cursor or null on the last page}. With ?email=, ?id= or ?key=FIELD=VALUE: the matching
/// profile as ProfileView (404 naming the parameter when none matches; 400
/// naming it when malformed).
class ProfileSearchHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    void listPage(ApiRequest& request, Poco::Data::Session& session, Poco::Net::HTTPServerResponse& response);
};

} // namespace jobhost::host
