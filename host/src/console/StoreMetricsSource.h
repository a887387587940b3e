// jobhost host — StoreMetricsSource.h
// /metrics from the store: runs, records in/out, durations, job state.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "console/MetricsSource.h"

namespace jobhost::host {

class Store;

/// Aggregates run history with three queries per scrape, one of them a
/// single scan of the runs table (RunStatisticsRepository,
/// ExportStatusRepository; no per-job round trips, so a scrape stays fast
/// with thousands of jobs). Every job appears, with zeros before its first run:
/// jobhost_runs_total{job,status}, jobhost_records_{read,written,duplicate,
/// delivered,rejected}_total{job} (delivered/rejected include what export
/// runners delivered and rejected), jobhost_run_retries_total{job},
/// jobhost_run_duration_seconds histogram {job}, jobhost_jobs{state},
/// jobhost_job_running{job}, jobhost_job_last_success_timestamp_seconds{job}
/// and jobhost_job_checkpoint_age_seconds{job}. Opens its own session per
/// scrape; thread-safe. Throws Poco::Data exceptions on store failure.
class StoreMetricsSource : public MetricsSource {
public:
    /// `store` must outlive this object.
    explicit StoreMetricsSource(const Store& store);
    void collect(MetricsWriter& writer) override;

private:
    const Store& _store;
};

} // namespace jobhost::host
