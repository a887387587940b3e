// jobhost host — JobResumeHandler.h
// POST /api/v1/jobs/{name}/resume — schedule a paused job again.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Sets enabled = true and recomputes the next run (JobForm::reschedule),
/// with an audit row, in one transaction. Resuming an enabled job changes
/// nothing. 200 with the JobView.
class JobResumeHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
