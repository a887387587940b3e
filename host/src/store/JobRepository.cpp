// jobhost host — JobRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/JobRepository.h"

#include <Poco/Data/RecordSet.h>

#include "app/HostException.h"
#include "store/SqlValues.h"

namespace jobhost::host {

using namespace Poco::Data::Keywords;

JobRepository::JobRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

std::vector<JobRecord> JobRepository::select(const std::string& where, const std::string& name, Poco::Int64 id) {
    // `where` picks one of three fixed filters; values are bound.
    std::string sqlText =
        "SELECT id, name, provider, type, authorization_name, config_json, interval_seconds, enabled, retry_max_attempts, "
        "retry_base_ms, retry_cap_ms, retry_max_elapsed_ms, created_at, updated_at FROM jobs ";
    if (where == "name") sqlText += "WHERE name = ? ";
    else if (where == "id") sqlText += "WHERE id = ? ";
    sqlText += "ORDER BY name";
    Poco::Data::Statement statement(_session);
    std::string n = name;
    Poco::Int64 i = id;
    statement << _sql(sqlText);
    if (where == "name") statement.addBind(use(n));
    else if (where == "id") statement.addBind(use(i));
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    std::vector<JobRecord> jobs;
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
        JobRecord j;
        j.id = sql::columnInt(rows, "id");
        j.name = sql::columnText(rows, "name");
        j.provider = sql::columnText(rows, "provider");
        j.type = sql::columnText(rows, "type");
        j.authorization = sql::columnText(rows, "authorization_name");
        j.configJson = sql::columnText(rows, "config_json");
        j.intervalSeconds = sql::columnInt(rows, "interval_seconds");
        j.enabled = sql::columnInt(rows, "enabled") != 0;
        j.retry.maxAttempts = sql::columnOptionalInt(rows, "retry_max_attempts");
        j.retry.baseMs = sql::columnOptionalInt(rows, "retry_base_ms");
        j.retry.capMs = sql::columnOptionalInt(rows, "retry_cap_ms");
        j.retry.maxElapsedMs = sql::columnOptionalInt(rows, "retry_max_elapsed_ms");
        j.createdAt = sql::columnInt(rows, "created_at");
        j.updatedAt = sql::columnInt(rows, "updated_at");
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::optional<JobRecord> JobRepository::find(const std::string& name) {
    auto jobs = select("name", name, 0);
    if (jobs.empty()) return std::nullopt;
    return jobs.front();
}

std::optional<JobRecord> JobRepository::findById(Poco::Int64 id) {
    auto jobs = select("id", "", id);
    if (jobs.empty()) return std::nullopt;
    return jobs.front();
}

JobRecord JobRepository::get(const std::string& name) {
    auto job = find(name);
    if (!job) throw NotFoundException("job \"" + name + "\" does not exist; declare it under \"jobs\" in a config file and run 'jobhost apply FILE'");
    return *job;
}

std::vector<JobRecord> JobRepository::list() { return select("all", "", 0); }

Poco::Int64 JobRepository::insert(const JobRecord& job) {
    JobRecord v = job;
    int enabled = v.enabled ? 1 : 0;
    auto maxAttempts = sql::nullable(v.retry.maxAttempts);
    auto baseMs = sql::nullable(v.retry.baseMs);
    auto capMs = sql::nullable(v.retry.capMs);
    auto maxElapsed = sql::nullable(v.retry.maxElapsedMs);
    Poco::Int64 id = 0;
    _session << _sql("INSERT INTO jobs (name, provider, type, authorization_name, config_json, interval_seconds, enabled, retry_max_attempts, "
                "retry_base_ms, retry_cap_ms, retry_max_elapsed_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        use(v.name), use(v.provider), use(v.type), use(v.authorization), use(v.configJson), use(v.intervalSeconds), use(enabled),
        use(maxAttempts), use(baseMs), use(capMs), use(maxElapsed), use(v.createdAt), use(v.updatedAt), into(id), now;
    _session << _sql("INSERT INTO job_schedule (job_id) VALUES (?)"), use(id), now;
    return id;
}

void JobRepository::update(const JobRecord& job) {
    JobRecord v = job;
    int enabled = v.enabled ? 1 : 0;
    auto maxAttempts = sql::nullable(v.retry.maxAttempts);
    auto baseMs = sql::nullable(v.retry.baseMs);
    auto capMs = sql::nullable(v.retry.capMs);
    auto maxElapsed = sql::nullable(v.retry.maxElapsedMs);
    _session << _sql("UPDATE jobs SET provider = ?, type = ?, authorization_name = ?, config_json = ?, interval_seconds = ?, enabled = ?, "
                "retry_max_attempts = ?, retry_base_ms = ?, retry_cap_ms = ?, retry_max_elapsed_ms = ?, updated_at = ? WHERE name = ?"),
        use(v.provider), use(v.type), use(v.authorization), use(v.configJson), use(v.intervalSeconds), use(enabled), use(maxAttempts),
        use(baseMs), use(capMs), use(maxElapsed), use(v.updatedAt), use(v.name), now;
}

JobSchedule JobRepository::schedule(Poco::Int64 jobId) {
    Poco::Data::Statement statement(_session);
    statement << _sql("SELECT job_id, next_run_at, next_trigger, attempt, first_attempt_at, last_started_at, last_ended_at, last_status, last_error, "
                 "running_run_id, claimed_at, claimed_by, lease_expires_at FROM job_schedule WHERE job_id = ?"),
        use(jobId);
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    if (!rows.moveFirst()) throw NotFoundException("job id " + std::to_string(jobId) + " has no schedule row");
    JobSchedule s;
    s.jobId = sql::columnInt(rows, "job_id");
    s.nextRunAt = sql::columnOptionalInt(rows, "next_run_at");
    s.nextTrigger = sql::columnText(rows, "next_trigger");
    s.attempt = sql::columnInt(rows, "attempt");
    s.firstAttemptAt = sql::columnOptionalInt(rows, "first_attempt_at");
    s.lastStartedAt = sql::columnOptionalInt(rows, "last_started_at");
    s.lastEndedAt = sql::columnOptionalInt(rows, "last_ended_at");
    s.lastStatus = sql::columnText(rows, "last_status");
    s.lastError = sql::columnText(rows, "last_error");
    s.runningRunId = sql::columnOptionalInt(rows, "running_run_id");
    s.claimedAt = sql::columnOptionalInt(rows, "claimed_at");
    s.claimedBy = sql::columnText(rows, "claimed_by");
    s.leaseExpiresAt = sql::columnOptionalInt(rows, "lease_expires_at");
    return s;
}

void JobRepository::saveSchedule(const JobSchedule& schedule) {
    JobSchedule s = schedule;
    auto nextRunAt = sql::nullable(s.nextRunAt);
    auto firstAttemptAt = sql::nullable(s.firstAttemptAt);
    auto lastStartedAt = sql::nullable(s.lastStartedAt);
    auto lastEndedAt = sql::nullable(s.lastEndedAt);
    auto lastStatus = sql::nullableText(s.lastStatus);
    auto lastError = sql::nullableText(s.lastError);
    _session << _sql("UPDATE job_schedule SET next_run_at = ?, next_trigger = ?, attempt = ?, first_attempt_at = ?, last_started_at = ?, "
                "last_ended_at = ?, last_status = ?, last_error = ? WHERE job_id = ?"),
        use(nextRunAt), use(s.nextTrigger), use(s.attempt), use(firstAttemptAt), use(lastStartedAt), use(lastEndedAt), use(lastStatus),
        use(lastError), use(s.jobId), now;
}

std::vector<Poco::Int64> JobRepository::dueJobs(Poco::Int64 nowMs, std::size_t limit) {
    std::vector<Poco::Int64> ids;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    _session << _sql("SELECT s.job_id FROM job_schedule s JOIN jobs j ON j.id = s.job_id "
                "WHERE j.enabled = 1 AND s.running_run_id IS NULL AND s.next_run_at IS NOT NULL AND s.next_run_at <= ? "
                "ORDER BY s.next_run_at, s.job_id LIMIT ?"),
        use(nowMs), use(max), into(ids), now;
    return ids;
}

std::optional<Poco::Int64> JobRepository::nextDueAt() {
    Poco::Nullable<Poco::Int64> at;
    _session << _sql("SELECT MIN(s.next_run_at) FROM job_schedule s JOIN jobs j ON j.id = s.job_id "
                "WHERE j.enabled = 1 AND s.running_run_id IS NULL AND s.next_run_at IS NOT NULL"),
        into(at), now;
    return sql::optional(at);
}

bool JobRepository::claim(Poco::Int64 jobId, Poco::Int64 runId, Poco::Int64 nowMs, const std::string& worker, Poco::Int64 leaseUntilMs) {
    std::string by = worker;
    Poco::Data::Statement statement(_session);
    statement << _sql("UPDATE job_schedule SET running_run_id = ?, claimed_at = ?, claimed_by = ?, lease_expires_at = ? "
                      "WHERE job_id = ? AND running_run_id IS NULL"),
        use(runId), use(nowMs), use(by), use(leaseUntilMs), use(jobId);
    return statement.execute() == 1;
}

bool JobRepository::renewLease(Poco::Int64 jobId, Poco::Int64 runId, Poco::Int64 leaseUntilMs) {
    Poco::Data::Statement statement(_session);
    statement << _sql("UPDATE job_schedule SET lease_expires_at = ? WHERE job_id = ? AND running_run_id = ?"), use(leaseUntilMs), use(jobId),
        use(runId);
    return statement.execute() == 1;
}

void JobRepository::release(Poco::Int64 jobId, Poco::Int64 runId) {
    _session << _sql("UPDATE job_schedule SET running_run_id = NULL, claimed_at = NULL, claimed_by = NULL, lease_expires_at = NULL "
                     "WHERE job_id = ? AND running_run_id = ?"),
        use(jobId), use(runId), now;
}

bool JobRepository::releaseExpired(Poco::Int64 jobId, Poco::Int64 runId, Poco::Int64 nowMs) {
    Poco::Data::Statement statement(_session);
    statement << _sql("UPDATE job_schedule SET running_run_id = NULL, claimed_at = NULL, claimed_by = NULL, lease_expires_at = NULL "
                      "WHERE job_id = ? AND running_run_id = ? AND COALESCE(lease_expires_at, 0) < ?"),
        use(jobId), use(runId), use(nowMs);
    return statement.execute() == 1;
}

std::vector<JobClaim> JobRepository::claims() {
    std::vector<Poco::Int64> jobIds, runIds;
    std::vector<Poco::Nullable<std::string>> by;
    _session << _sql("SELECT job_id, running_run_id, claimed_by FROM job_schedule WHERE running_run_id IS NOT NULL ORDER BY job_id"), into(jobIds),
        into(runIds), into(by), now;
    std::vector<JobClaim> result;
    for (std::size_t i = 0; i < jobIds.size(); ++i) result.push_back({jobIds[i], runIds[i], sql::text(by[i])});
    return result;
}

std::optional<std::string> JobRepository::loadState(Poco::Int64 jobId) {
    std::vector<std::string> states;
    _session << _sql("SELECT state FROM job_state WHERE job_id = ?"), use(jobId), into(states), now;
    if (states.empty()) return std::nullopt;
    return states.front();
}

void JobRepository::saveState(Poco::Int64 jobId, const std::string& state, Poco::Int64 runId, Poco::Int64 nowMs) {
    std::string s = state;
    _session << _sql("INSERT INTO job_state (job_id, state, run_id, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (job_id) DO UPDATE SET state = excluded.state, run_id = excluded.run_id, updated_at = excluded.updated_at"),
        use(jobId), use(s), use(runId), use(nowMs), now;
}

} // namespace jobhost::host
