// jobhost host — MetricsSource.h
// Something that contributes samples to /metrics.
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace jobhost::host {

class MetricsWriter;

/// A producer of Prometheus samples (the store's run history, the rate
/// limiters, the outbox, ...). The console calls collect() on each scrape,
/// from an HTTP worker thread, so implementations must be thread-safe. A
/// source that throws is skipped for that scrape and counted in
/// jobhost_metrics_source_errors (gauge); the others still appear.
class MetricsSource {
public:
    virtual ~MetricsSource() = default;
    virtual void collect(MetricsWriter& writer) = 0;
};

} // namespace jobhost::host
