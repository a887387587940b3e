// jobhost host — RunStatisticsRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/RunStatisticsRepository.h"

#include <limits>

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace jobhost::host {

using namespace Poco::Data::Keywords;

RunStatisticsRepository::RunStatisticsRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

std::vector<JobStatusRuns> RunStatisticsRepository::runsByJobAndStatus(const std::vector<Poco::Int64>& boundsMs, Poco::Int64 afterId,
                                                                       std::optional<Poco::Int64> upToId) {
    // One "SUM(duration <= ?)" column per bound: the SQL text depends only on
    // how many bounds there are; the values are bound. A run without an end
    // has a NULL duration, which SUM skips.
    std::string sql = "SELECT job_id, status, COUNT(*), SUM(records_read), SUM(records_written), SUM(records_duplicate), "
                      "SUM(records_delivered), SUM(records_rejected), COUNT(ended_at), TOTAL(ended_at - started_at), MAX(ended_at)";
    for (std::size_t i = 0; i < boundsMs.size(); ++i) sql += ", TOTAL(ended_at - started_at <= ?)";
    sql += " FROM runs WHERE id > ? AND id <= ? GROUP BY job_id, status";
    std::vector<Poco::Int64> bounds = boundsMs; // bound by reference: must live until execute()
    Poco::Int64 from = afterId, to = upToId.value_or(std::numeric_limits<Poco::Int64>::max());
    std::vector<Poco::Int64> jobIds, runs, read, written, duplicate, delivered, rejected, finished;
    std::vector<double> durationSums;
    std::vector<std::string> statuses;
    std::vector<Poco::Nullable<Poco::Int64>> lastEnded;
    std::vector<std::vector<double>> buckets(bounds.size());
    Poco::Data::Statement select(_session);
    select << _sql(sql);
    for (auto& bound : bounds) select, use(bound);
    select, use(from), use(to);
    select, into(jobIds), into(statuses), into(runs), into(read), into(written), into(duplicate), into(delivered), into(rejected),
        into(finished), into(durationSums), into(lastEnded);
    for (auto& column : buckets) select, into(column);
    select.execute();
    std::vector<JobStatusRuns> out;
    out.reserve(jobIds.size());
    for (std::size_t i = 0; i < jobIds.size(); ++i) {
        JobStatusRuns r;
        r.jobId = jobIds[i];
        r.status = statuses[i];
        r.runs = runs[i];
        r.read = read[i];
        r.written = written[i];
        r.duplicate = duplicate[i];
        r.delivered = delivered[i];
        r.rejected = rejected[i];
        r.finished = finished[i];
        r.durationSumMs = static_cast<Poco::Int64>(durationSums[i]);
        for (const auto& column : buckets) r.atOrBelow.push_back(static_cast<Poco::Int64>(column[i]));
        if (!lastEnded[i].isNull()) r.lastEndedAt = lastEnded[i].value();
        out.push_back(std::move(r));
    }
    return out;
}

Poco::Int64 RunStatisticsRepository::maxRunId() {
    Poco::Int64 id = 0;
    _session << _sql("SELECT COALESCE(MAX(id), 0) FROM runs"), into(id), now;
    return id;
}

std::optional<Poco::Int64> RunStatisticsRepository::lowestRunningRunId() {
    std::string running = "running";
    Poco::Nullable<Poco::Int64> id;
    _session << _sql("SELECT MIN(id) FROM runs WHERE status = ?"), use(running), into(id), now;
    if (id.isNull()) return std::nullopt;
    return id.value();
}

std::vector<JobActivity> RunStatisticsRepository::activity() {
    std::vector<Poco::Int64> ids, enabled, running;
    std::vector<std::string> jobs;
    std::vector<Poco::Nullable<Poco::Int64>> checkpoint;
    _session << _sql("SELECT j.id, j.name, j.enabled, CASE WHEN s.running_run_id IS NULL THEN 0 ELSE 1 END, st.updated_at "
                "FROM jobs j LEFT JOIN job_schedule s ON s.job_id = j.id LEFT JOIN job_state st ON st.job_id = j.id ORDER BY j.name"),
        into(ids), into(jobs), into(enabled), into(running), into(checkpoint), now;
    std::vector<JobActivity> out;
    out.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        JobActivity a;
        a.jobId = ids[i];
        a.job = jobs[i];
        a.enabled = enabled[i] != 0;
        a.running = running[i] != 0;
        if (!checkpoint[i].isNull()) a.checkpointAt = checkpoint[i].value();
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace jobhost::host
