// jobhost host — JobRepository.h
// Jobs, their schedule/retry bookkeeping, the run claim and the job state.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include <Poco/Types.h>

namespace jobhost::host {

/// Per-job override of the manifest's run retry defaults; unset = manifest.
struct JobRetryOverride {
    std::optional<Poco::Int64> maxAttempts;
    std::optional<Poco::Int64> baseMs;
    std::optional<Poco::Int64> capMs;
    std::optional<Poco::Int64> maxElapsedMs;
    bool operator==(const JobRetryOverride&) const = default;
};

/// A job definition as applied from a declarative config.
struct JobRecord {
    Poco::Int64 id = 0;
    std::string name;
    std::string provider;
    std::string type;
    std::string authorization;
    std::string configJson = "{}";
    Poco::Int64 intervalSeconds = 0; ///< 0 = manual only
    bool enabled = true;
    JobRetryOverride retry;
    Poco::Int64 createdAt = 0;
    Poco::Int64 updatedAt = 0;
};

/// When a job runs next and how its current retry chain stands. Survives
/// restarts: pending retries are rows here, not timers in memory.
struct JobSchedule {
    Poco::Int64 jobId = 0;
    std::optional<Poco::Int64> nextRunAt;   ///< unset: nothing scheduled (manual only or disabled)
    std::string nextTrigger = "schedule";   ///< trigger recorded on the run that nextRunAt starts: schedule | retry | recovery
    Poco::Int64 attempt = 0;                ///< Retry outcomes in a row so far (0 = no retry chain)
    std::optional<Poco::Int64> firstAttemptAt; ///< start of the current retry chain (for max elapsed)
    std::optional<Poco::Int64> lastStartedAt;
    std::optional<Poco::Int64> lastEndedAt;
    std::string lastStatus;                 ///< status of the last finished run
    std::string lastError;                  ///< redacted error of the last run that failed or will retry
    std::optional<Poco::Int64> runningRunId; ///< the claim: set while a run of this job is active
    std::optional<Poco::Int64> claimedAt;
    std::string claimedBy;                  ///< "host:pid" of the claiming process
    /// Until when the claim holds unless its worker renews it; unset (a claim
    /// of a jobhost before schema 8) counts as expired.
    std::optional<Poco::Int64> leaseExpiresAt;
};

/// A running claim as found in the store (for crash recovery).
struct JobClaim {
    Poco::Int64 jobId = 0;
    Poco::Int64 runId = 0;
    std::string claimedBy;
};

/// SQL for jobs, job_schedule and job_state. Works on a session the caller
/// owns (one thread at a time) and joins the caller's transaction when one is
/// open. Every method throws Poco::Data exceptions on store failure.
class JobRepository {
public:
    explicit JobRepository(Poco::Data::Session& session);

    std::optional<JobRecord> find(const std::string& name);
    std::optional<JobRecord> findById(Poco::Int64 id);
    /// Throws NotFoundException naming the job and the fix when absent.
    JobRecord get(const std::string& name);
    std::vector<JobRecord> list();
    /// Inserts the job and an empty schedule row; returns the new id.
    Poco::Int64 insert(const JobRecord& job);
    /// Updates the definition of the job named job.name (not its schedule).
    void update(const JobRecord& job);

    /// Throws NotFoundException when the job has no schedule row.
    JobSchedule schedule(Poco::Int64 jobId);
    /// Writes every schedule column but the claim columns.
    void saveSchedule(const JobSchedule& schedule);
    /// Ids of enabled, unclaimed jobs with nextRunAt <= nowMs, earliest first.
    std::vector<Poco::Int64> dueJobs(Poco::Int64 nowMs, std::size_t limit);
    /// The earliest nextRunAt of enabled, unclaimed jobs; empty when none.
    std::optional<Poco::Int64> nextDueAt();

    /// Claims the job for `runId` when no other run holds it, leased until
    /// `leaseUntilMs`. Returns false when another run holds the claim (even
    /// an expired one: releaseExpired() ends those). Call inside the
    /// transaction that inserts the run row.
    bool claim(Poco::Int64 jobId, Poco::Int64 runId, Poco::Int64 nowMs, const std::string& worker, Poco::Int64 leaseUntilMs);
    /// Extends the lease of `runId`'s claim. False when the run no longer
    /// holds the claim (it was taken over): its worker must stop and write nothing more.
    bool renewLease(Poco::Int64 jobId, Poco::Int64 runId, Poco::Int64 leaseUntilMs);
    /// Drops the claim when `runId` holds it.
    void release(Poco::Int64 jobId, Poco::Int64 runId);
    /// Drops the claim of `runId` only if its lease ended before `nowMs`
    /// (one statement, so a renewal racing with it wins or loses whole).
    /// True when it dropped it.
    bool releaseExpired(Poco::Int64 jobId, Poco::Int64 runId, Poco::Int64 nowMs);
    /// Every claim currently recorded.
    std::vector<JobClaim> claims();

    /// The last committed plugin state; empty when none.
    std::optional<std::string> loadState(Poco::Int64 jobId);
    /// Upserts the plugin state (inside the checkpoint transaction).
    void saveState(Poco::Int64 jobId, const std::string& state, Poco::Int64 runId, Poco::Int64 nowMs);

private:
    std::vector<JobRecord> select(const std::string& where, const std::string& name, Poco::Int64 id);

    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host
