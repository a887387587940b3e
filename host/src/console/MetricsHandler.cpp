// jobhost host — MetricsHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/MetricsHandler.h"

#include <Poco/Logger.h>

#include "console/JsonResponse.h"
#include "console/MetricsSource.h"
#include "console/MetricsWriter.h"

namespace jobhost::host {

void MetricsHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    MetricsWriter writer;
    writer.family("jobhost_info", "gauge", "Build information of this host.");
    writer.sample("jobhost_info", {{"version", JOBHOST_VERSION}}, 1);
    int errors = 0;
    for (MetricsSource* pSource : _services.metricsSources) {
        try {
            pSource->collect(writer);
        } catch (const Poco::Exception& e) {
            ++errors;
            Poco::Logger::get("jobhost.console").warning("metrics source failed: %s", e.displayText());
        } catch (const std::exception& e) {
            ++errors;
            Poco::Logger::get("jobhost.console").warning("metrics source failed: %s", std::string(e.what()));
        }
    }
    writer.family("jobhost_metrics_source_errors", "gauge", "Metrics sources that failed during this scrape.");
    writer.sample("jobhost_metrics_source_errors", {}, errors);
    JsonResponse::sendText(response, 200, "text/plain; version=0.0.4; charset=utf-8", writer.text());
}

} // namespace jobhost::host
