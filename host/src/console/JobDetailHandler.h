// jobhost host — JobDetailHandler.h
// GET /api/v1/jobs/{name} — one job with schedule, state and recent runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// JobView plus "runs": the newest 20 runs. 404 for an unknown job.
class JobDetailHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
