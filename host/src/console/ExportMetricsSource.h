// jobhost host — ExportMetricsSource.h
// /metrics from the export tables: outbox depth, dead letters, item results.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/MetricsSource.h"

namespace jobhost::host {

class Store;

/// Per export job (every job with outbox rows, dead letters or export
/// totals), from three grouped queries (ExportOverviewRepository):
/// jobhost_export_outbox_depth{job} (waiting + in flight),
/// jobhost_export_outbox_inflight{job}, jobhost_export_outbox_retrying{job}
/// (waiting rows that failed before), jobhost_export_dead_letters{job},
/// jobhost_export_oldest_waiting_age_seconds{job},
/// jobhost_export_items_total{job,result=delivered|skipped|retried|rejected},
/// jobhost_export_batches_total{job} and
/// jobhost_export_last_batch_timestamp_seconds{job}. Opens its own session
/// per scrape; thread-safe. Throws Poco::Data exceptions on store failure.
class ExportMetricsSource : public MetricsSource {
public:
    /// `store` must outlive this object.
    explicit ExportMetricsSource(const Store& store);
    void collect(MetricsWriter& writer) override;

private:
    const Store& _store;
};

} // namespace jobhost::host
