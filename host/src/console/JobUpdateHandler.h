// jobhost host — JobUpdateHandler.h
// PUT /api/v1/jobs/{name} — replace a job's definition.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Validates with JobForm (full replacement, as in a config file), updates
/// definition and schedule and writes the audit row (changed field names,
/// before/after views) in one transaction; nothing is written when nothing
/// changed. 404 for an unknown job.
class JobUpdateHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
