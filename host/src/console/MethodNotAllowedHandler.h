// jobhost host — MethodNotAllowedHandler.h
// 405 for a known path called with another method.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Answers 405 with an Allow header listing the path's methods (passed as
/// route parameter "allow"). Checks the token first.
class MethodNotAllowedHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
