// jobhost host — RunStatisticsRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/RunStatisticsRepository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace jobhost::host {

using namespace Poco::Data::Keywords;

RunStatisticsRepository::RunStatisticsRepository(Poco::Data::Session& session) : _session(session) {}

std::vector<RunStatusCount> RunStatisticsRepository::runsByStatus() {
    std::vector<std::string> jobs, statuses;
    std::vector<Poco::Int64> counts;
    _session << "SELECT job_name, status, COUNT(*) FROM runs GROUP BY job_name, status ORDER BY job_name, status", into(jobs),
        into(statuses), into(counts), now;
    std::vector<RunStatusCount> out;
    for (std::size_t i = 0; i < jobs.size(); ++i) out.push_back({jobs[i], statuses[i], counts[i]});
    return out;
}

std::vector<JobRunTotals> RunStatisticsRepository::totals() {
    std::vector<std::string> jobs;
    std::vector<Poco::Int64> read, written, duplicate, delivered, rejected, retries;
    std::string retry = "retry";
    _session << "SELECT job_name, SUM(records_read), SUM(records_written), SUM(records_duplicate), SUM(records_delivered), "
                "SUM(records_rejected), SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) FROM runs GROUP BY job_name ORDER BY job_name",
        use(retry), into(jobs), into(read), into(written), into(duplicate), into(delivered), into(rejected), into(retries), now;
    std::vector<JobRunTotals> out;
    for (std::size_t i = 0; i < jobs.size(); ++i)
        out.push_back({jobs[i], read[i], written[i], duplicate[i], delivered[i], rejected[i], retries[i]});
    return out;
}

std::vector<JobRunDurations> RunStatisticsRepository::durations(const std::vector<Poco::Int64>& boundsMs) {
    // One "SUM(CASE WHEN duration <= ? ...)" column per bound; the SQL text
    // depends only on how many bounds there are, the values are bound.
    std::string sql = "SELECT job_name, COUNT(*), SUM(ended_at - started_at)";
    for (std::size_t i = 0; i < boundsMs.size(); ++i) sql += ", SUM(CASE WHEN ended_at - started_at <= ? THEN 1 ELSE 0 END)";
    sql += " FROM runs WHERE ended_at IS NOT NULL GROUP BY job_name ORDER BY job_name";
    std::vector<Poco::Int64> bounds = boundsMs; // bound by reference: must live until execute()
    std::vector<std::string> jobs;
    std::vector<Poco::Int64> counts, sums;
    std::vector<std::vector<Poco::Int64>> buckets(bounds.size());
    Poco::Data::Statement select(_session);
    select << sql;
    for (auto& bound : bounds) select, use(bound);
    select, into(jobs), into(counts), into(sums);
    for (auto& column : buckets) select, into(column);
    select.execute();
    std::vector<JobRunDurations> out;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        JobRunDurations d{jobs[i], counts[i], sums[i], {}};
        for (const auto& column : buckets) d.atOrBelow.push_back(column[i]);
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<JobActivity> RunStatisticsRepository::activity() {
    std::vector<std::string> jobs;
    std::vector<Poco::Int64> enabled, running;
    std::vector<Poco::Nullable<Poco::Int64>> lastSuccess, checkpoint;
    std::string ok = "ok";
    _session << "SELECT j.name, j.enabled, CASE WHEN s.running_run_id IS NULL THEN 0 ELSE 1 END, r.last_ok, st.updated_at "
                "FROM jobs j LEFT JOIN job_schedule s ON s.job_id = j.id LEFT JOIN job_state st ON st.job_id = j.id "
                "LEFT JOIN (SELECT job_id, MAX(ended_at) AS last_ok FROM runs WHERE status = ? GROUP BY job_id) r ON r.job_id = j.id "
                "ORDER BY j.name",
        use(ok), into(jobs), into(enabled), into(running), into(lastSuccess), into(checkpoint), now;
    std::vector<JobActivity> out;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        JobActivity a;
        a.job = jobs[i];
        a.enabled = enabled[i] != 0;
        a.running = running[i] != 0;
        if (!lastSuccess[i].isNull()) a.lastSuccessAt = lastSuccess[i].value();
        if (!checkpoint[i].isNull()) a.checkpointAt = checkpoint[i].value();
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace jobhost::host
