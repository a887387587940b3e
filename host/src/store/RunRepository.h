// jobhost host — RunRepository.h
// Run history: one row per run attempt, plus its bounded log.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include <Poco/Types.h>

namespace jobhost::host {

/// Counters of one run.
struct RunCounters {
    Poco::Int64 read = 0;      ///< records the plugin emitted
    Poco::Int64 written = 0;   ///< records committed as new stream events
    Poco::Int64 duplicate = 0; ///< records ignored because their natural key was already stored
    Poco::Int64 delivered = 0; ///< export: items delivered
    Poco::Int64 rejected = 0;  ///< export: items rejected
    Poco::Int64 checkpoints = 0;
};

/// One run attempt. status: running | ok | retry | failed | cancelled | abandoned.
/// trigger: schedule | manual | retry | recovery. All text is already
/// redacted by the caller; this class stores what it is given.
struct RunRecord {
    Poco::Int64 id = 0;
    Poco::Int64 jobId = 0;
    std::string jobName;
    std::string trigger;
    Poco::Int64 attempt = 1;
    std::string status = "running";
    std::string failureClass; ///< auth | config | remote | data | internal; empty unless failed
    std::string error;
    Poco::Int64 startedAt = 0;
    std::optional<Poco::Int64> endedAt;
    RunCounters counters;
    std::optional<std::string> checkpointBefore;
    std::optional<std::string> checkpointAfter;
    std::optional<Poco::Int64> nextAttemptAt;
    std::string worker; ///< "host:pid"
    Poco::Int64 logLinesDropped = 0;
};

struct RunLogLine {
    Poco::Int64 at = 0;
    std::string level;
    std::string message;
};

/// SQL for runs and run_log. Works on a session the caller owns (one thread
/// at a time); joins the caller's transaction when one is open. Every method
/// throws Poco::Data exceptions on store failure.
class RunRepository {
public:
    explicit RunRepository(Poco::Data::Session& session);

    /// Inserts a run row and returns its id.
    Poco::Int64 insert(const RunRecord& run);
    /// Sets trigger and attempt of a run inserted before its claim succeeded.
    void setStart(Poco::Int64 runId, const std::string& trigger, Poco::Int64 attempt);
    /// Writes status, error, end, counters, checkpoint after, next attempt and
    /// dropped log lines of run.id.
    void finish(const RunRecord& run);
    /// Writes counters and checkpoint after (inside a checkpoint transaction).
    void saveProgress(Poco::Int64 runId, const RunCounters& counters, const std::string& checkpointAfter);

    std::optional<RunRecord> find(Poco::Int64 id);
    /// Newest first; all jobs when `jobName` is empty.
    std::vector<RunRecord> list(const std::string& jobName, std::size_t limit);
    /// Runs whose status is "running".
    std::vector<RunRecord> running();

    void appendLog(Poco::Int64 runId, Poco::Int64 at, const std::string& level, const std::string& message);
    /// The stored log lines of a run, oldest first.
    std::vector<RunLogLine> log(Poco::Int64 runId);

private:
    std::vector<RunRecord> select(const std::string& where, Poco::Int64 id, const std::string& jobName, std::size_t limit);

    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host
