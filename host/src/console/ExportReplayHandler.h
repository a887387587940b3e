// jobhost host — ExportReplayHandler.h
// POST /api/v1/exports/{job}/replay — put dead letters back into the outbox.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Body {"id": N} (one dead letter of this export) or {"all": true}.
/// Replays with exports::DeadLetterReplayer (the logic of 'jobhost exports
/// replay') and writes an audit row (action "replay", object "export")
/// in the same store transaction, so both commit or neither does. Answers
/// 200 {"job", "replayed", "ids" (the first 1000 for "all"), "export":
/// ExportView}. Errors: 404
/// for an unknown export, and for an id that is no dead letter of it (field
/// "id"); 400 naming the field for a malformed body (unknown keys, both or
/// neither of id/all, id not a positive integer, all not true); 503 with
/// Retry-After when the store is busy with another writer.
class ExportReplayHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
