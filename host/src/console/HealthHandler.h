// jobhost host — HealthHandler.h
// GET /healthz: liveness and store reachability (no token).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Answers 200 {"status":"ok",...} when the store (if any) answers a
/// query, 503 {"status":"degraded",...} otherwise. Needs no token so load
/// balancers and systemd checks can call it; reveals no configuration.
class HealthHandler : public ApiHandler {
public:
    HealthHandler(const ConsoleServices& services, RouteParams params) : ApiHandler(services, std::move(params), false) {}

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
