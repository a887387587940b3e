// jobhost host — ExportListHandler.h
// GET /api/v1/exports — every export job: audience, state, outbox, dead letters, counters.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Answers {"exports": [ExportView...]} ordered by job name; read-only
/// (no audit row). 503 without a store.
class ExportListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
