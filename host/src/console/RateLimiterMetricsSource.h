// jobhost host — RateLimiterMetricsSource.h
// /metrics from the shared token buckets: rate-limit waits per credential.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/MetricsSource.h"

namespace jobhost::host {

class RateLimiterRegistry;

/// jobhost_rate_limit_waits_total, jobhost_rate_limit_wait_seconds_total and
/// jobhost_rate_limit_requests_total {provider, authorization}, from
/// RateLimiterRegistry::snapshot(). Thread-safe; never throws except
/// std::bad_alloc.
class RateLimiterMetricsSource : public MetricsSource {
public:
    /// `registry` must outlive this object (the serve verb's TransportFactory owns it).
    explicit RateLimiterMetricsSource(RateLimiterRegistry& registry);
    void collect(MetricsWriter& writer) override;

private:
    RateLimiterRegistry& _registry;
};

} // namespace jobhost::host
