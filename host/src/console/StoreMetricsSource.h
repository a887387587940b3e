// jobhost host — StoreMetricsSource.h
// /metrics from the store: runs, records in/out, durations, job state.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "console/MetricsSource.h"
#include "store/RunStatisticsRepository.h"

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
///
/// Runs that ended never change, so their sums are kept between scrapes: a
/// scrape adds the runs that ended below the oldest running one since the
/// last scrape and reads the rest (the running ones and those after them)
/// afresh. Runs disappear only with their job (ON DELETE CASCADE), so the
/// kept sums are rebuilt when a job they cover is gone. After the first
/// scrape (a scan of the whole history) a scrape therefore costs about the
/// same whatever the run history's length.
class StoreMetricsSource : public MetricsSource {
public:
    /// `store` must outlive this object.
    explicit StoreMetricsSource(const Store& store);
    void collect(MetricsWriter& writer) override;

private:
    /// Runs of (job id, status) with id <= _keptUpTo, all ended.
    std::map<std::pair<Poco::Int64, std::string>, JobStatusRuns> _kept;
    Poco::Int64 _keptUpTo = 0;
    std::mutex _mutex; ///< guards the kept sums; scrapes run one at a time

    const Store& _store;
};

} // namespace jobhost::host
