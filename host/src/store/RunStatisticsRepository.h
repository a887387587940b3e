// jobhost host — RunStatisticsRepository.h
// Grouped read-only statistics over jobs and their runs (for /metrics).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

namespace jobhost::host {

/// Runs of one job that ended (or are) in one status.
struct RunStatusCount {
    std::string job;
    std::string status;
    Poco::Int64 runs = 0;
};

/// Sums over every run of one job.
struct JobRunTotals {
    std::string job;
    Poco::Int64 read = 0;
    Poco::Int64 written = 0;
    Poco::Int64 duplicate = 0;
    Poco::Int64 delivered = 0;
    Poco::Int64 rejected = 0;
    Poco::Int64 retries = 0; ///< runs that ended with status "retry" (the run was rescheduled)
};

/// Durations of one job's finished runs: count, sum and cumulative bucket counts.
struct JobRunDurations {
    std::string job;
    Poco::Int64 count = 0;
    Poco::Int64 sumMs = 0;
    std::vector<Poco::Int64> atOrBelow; ///< runs with duration <= bound i (same order as the bounds asked for)
};

/// Live state of one job.
struct JobActivity {
    std::string job;
    bool enabled = true;
    bool running = false;
    std::optional<Poco::Int64> lastSuccessAt; ///< end of the last run with status ok
    std::optional<Poco::Int64> checkpointAt;  ///< when the job's state was last committed
};

/// Aggregate queries for /metrics: a fixed number of grouped statements
/// whatever the number of jobs (no per-job round trips), every value bound.
/// Works on a session the caller owns (one thread at a time); joins the
/// caller's transaction. Every method throws Poco::Data exceptions on store
/// failure. Rows come ordered by job name (then status).
class RunStatisticsRepository {
public:
    explicit RunStatisticsRepository(Poco::Data::Session& session);

    std::vector<RunStatusCount> runsByStatus();
    std::vector<JobRunTotals> totals();
    /// `boundsMs` ascending; each result has one cumulative count per bound.
    std::vector<JobRunDurations> durations(const std::vector<Poco::Int64>& boundsMs);
    /// Every job, with or without runs.
    std::vector<JobActivity> activity();

private:
    Poco::Data::Session& _session;
};

} // namespace jobhost::host
