// jobhost host — RateLimiterMetricsSource.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/RateLimiterMetricsSource.h"

#include "console/MetricsWriter.h"
#include "transport/RateLimiterRegistry.h"

namespace jobhost::host {

RateLimiterMetricsSource::RateLimiterMetricsSource(RateLimiterRegistry& registry) : _registry(registry) {}

void RateLimiterMetricsSource::collect(MetricsWriter& writer) {
    std::vector<RateLimiterRegistry::Entry> entries = _registry.snapshot();
    writer.family("jobhost_rate_limit_requests_total", "counter", "Requests that took a rate-limit token.");
    for (const auto& e : entries)
        writer.sample("jobhost_rate_limit_requests_total", {{"provider", e.provider}, {"authorization", e.authorization}},
                      static_cast<double>(e.acquired));
    writer.family("jobhost_rate_limit_waits_total", "counter", "Requests that waited for a rate-limit token.");
    for (const auto& e : entries)
        writer.sample("jobhost_rate_limit_waits_total", {{"provider", e.provider}, {"authorization", e.authorization}},
                      static_cast<double>(e.waits));
    writer.family("jobhost_rate_limit_wait_seconds_total", "counter", "Time requests waited for rate-limit tokens.");
    for (const auto& e : entries)
        writer.sample("jobhost_rate_limit_wait_seconds_total", {{"provider", e.provider}, {"authorization", e.authorization}},
                      static_cast<double>(e.waitedMs) / 1000.0);
}

} // namespace jobhost::host
