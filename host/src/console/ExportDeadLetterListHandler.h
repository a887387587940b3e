// jobhost host — ExportDeadLetterListHandler.h
// GET /api/v1/exports/{job}/dead-letters — what the export gave up on, with reasons.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Answers {"job", "count", "deadLetters": [...]}: count is every dead
/// letter of the job, the list holds the oldest ?limit= (1-10000, default
/// 200; 400 naming "limit" otherwise). 404 for an unknown export. Profile
/// snapshots are not included.
class ExportDeadLetterListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
