// jobhost host — MetricsHandler.h
// GET /metrics: Prometheus text exposition from every MetricsSource.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/ApiHandler.h"

namespace jobhost::host {

/// Calls each MetricsSource in turn; a source that throws is skipped and
/// counted in jobhost_metrics_source_errors (gauge). Token required unless the
/// console runs with authentication off or with services.metricsPublic
/// (`jobhost serve --metrics-public`), which opens this route only.
class MetricsHandler : public ApiHandler {
public:
    MetricsHandler(const ConsoleServices& services, RouteParams params)
        : ApiHandler(services, std::move(params), !services.metricsPublic) {}

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
