// jobhost host — RunStatisticsRepository.h
// Grouped read-only statistics over jobs and their runs (for /metrics).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include <Poco/Types.h>

namespace jobhost::host {

/// The runs of one job that are (or ended) in one status, summed up.
struct JobStatusRuns {
    Poco::Int64 jobId = 0;
    std::string status;
    Poco::Int64 runs = 0;
    Poco::Int64 read = 0;
    Poco::Int64 written = 0;
    Poco::Int64 duplicate = 0;
    Poco::Int64 delivered = 0;
    Poco::Int64 rejected = 0;
    Poco::Int64 finished = 0;            ///< runs with an end time
    Poco::Int64 durationSumMs = 0;       ///< over finished runs
    std::vector<Poco::Int64> atOrBelow;  ///< finished runs with duration <= bound i (the bounds asked for, in order)
    std::optional<Poco::Int64> lastEndedAt;
};

/// Live state of one job.
struct JobActivity {
    Poco::Int64 jobId = 0;
    std::string job;
    bool enabled = true;
    bool running = false;
    std::optional<Poco::Int64> checkpointAt; ///< when the job's state was last committed
};

/// Aggregate queries for /metrics: one scan of (a range of) the runs table
/// and one query over jobs whatever the number of jobs (no per-job round
/// trips), every value bound. Works on a session the caller owns (one thread at a time);
/// joins the caller's transaction. Every method throws Poco::Data
/// exceptions on store failure.
class RunStatisticsRepository {
public:
    explicit RunStatisticsRepository(Poco::Data::Session& session);

    /// One row per (job, status) that has runs with afterId < id <= upToId
    /// (no upper bound when empty). `boundsMs` ascending.
    std::vector<JobStatusRuns> runsByJobAndStatus(const std::vector<Poco::Int64>& boundsMs, Poco::Int64 afterId = 0,
                                                  std::optional<Poco::Int64> upToId = std::nullopt);
    /// The highest run id; 0 when there are no runs.
    Poco::Int64 maxRunId();
    /// The lowest id of a run whose status is "running"; empty when none.
    /// Every run below it has ended, and an ended run never changes again.
    std::optional<Poco::Int64> lowestRunningRunId();
    /// Every job, with or without runs, ordered by name.
    std::vector<JobActivity> activity();

private:
    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host
