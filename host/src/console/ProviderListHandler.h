// jobhost host — ProviderListHandler.h
// GET /api/v1/providers: every provider manifest and its load state.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Lists providers with name, title, version, roles, job types, auth methods
/// and the load error if any. Reads the PluginRegistry only (thread-safe).
class ProviderListHandler : public ApiHandler {
public:
    using ApiHandler::ApiHandler;

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
