// jobhost host — JobPauseHandler.h
// POST /api/v1/jobs/{name}/pause — stop scheduling a job.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Sets enabled = false and clears the next run (a running run finishes),
/// with an audit row, in one transaction. Pausing a paused job changes
/// nothing and writes no row. 200 with the JobView.
class JobPauseHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
