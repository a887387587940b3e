// jobhost host — RunDetailHandler.h
// GET /api/v1/runs/{id} — one run with counters, progress and log.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// RunView with the stored (bounded, redacted) log. 404 for an unknown run;
/// 400 (field "id") when the id is not a number.
class RunDetailHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
