// jobhost host — ProfileExportHandler.h
// GET /api/v1/profiles/export — every profile streamed as JSON Lines or CSV.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// ?format=jsonl (default) | csv, ?audience=SLUG, ?fields=a,b: the same
/// export as `jobhost profiles export` (ProfileExporter), sent with chunked
/// transfer encoding as it is read, one page of profiles in memory at a
/// time. Every parameter is checked before the first byte is sent (400
/// naming it; 404 for an undefined audience). A store failure after the
/// answer started cannot change its status: the handler logs it and ends
/// the connection without the final chunk, so the client sees a truncated
/// transfer rather than a short export that looks complete.
class ProfileExportHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
