// jobhost host — RunListHandler.h
// GET /api/v1/runs — run history, newest first.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Query: job (name, optional), limit (1-500, default 50). Each run via
/// RunView with counters and live progress.
class RunListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
