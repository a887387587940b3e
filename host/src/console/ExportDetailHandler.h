// jobhost host — ExportDetailHandler.h
// GET /api/v1/exports/{job} — one export job (ExportView).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Answers the export's ExportView; 404 naming the job when it is no
/// export job (unknown or an import job).
class ExportDetailHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
