// jobhost host — JobRunHandler.h
// POST /api/v1/jobs/{name}/run — start a manual run now.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Asks JobControl for a manual run and answers 202 {"job", "runId"}; writes
/// an audit row (action "run"). 409 when a run is already active (the claim
/// is held), 404 for an unknown job, 503 when no scheduler is wired.
class JobRunHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
