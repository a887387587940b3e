// jobhost host — AuditListHandler.h
// GET /api/v1/audit — the audit log, newest first.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Query: limit (1-1000, default 100). Rows hold actor, time, action, object
/// and the JSON detail (changed field names, before/after without secrets).
class AuditListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
