// jobhost host — OpenApiHandler.h
// GET /api/v1/openapi.json: the console's OpenAPI 3.1 document (no token).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Serves the document ApiRouter generated from its route table at
/// construction (OpenApiDocument). Needs no token: it describes the API
/// and reveals no configuration or data. Shares the immutable text.
class OpenApiHandler : public ApiHandler {
public:
    OpenApiHandler(const ConsoleServices& services, RouteParams params, std::shared_ptr<const std::string> document)
        : ApiHandler(services, std::move(params), false), _pDocument(std::move(document)) {}

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    std::shared_ptr<const std::string> _pDocument;
};

} // namespace jobhost::host
