// jobhost host — JobListHandler.h
// GET /api/v1/jobs — every job with schedule, state and last run.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Lists jobs via JobView (secret config fields left out). 503 without a store.
class JobListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
