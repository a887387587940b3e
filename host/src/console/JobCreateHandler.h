// jobhost host — JobCreateHandler.h
// POST /api/v1/jobs — create a job (validated like apply).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Validates with JobForm, inserts the job, sets its schedule and writes the
/// audit row in one transaction. 201 with the JobView; 400 naming the field;
/// 409 (field "name") when the name is taken.
class JobCreateHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
