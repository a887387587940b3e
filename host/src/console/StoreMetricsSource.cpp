// jobhost host — StoreMetricsSource.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/StoreMetricsSource.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Timestamp.h>

#include "console/MetricsWriter.h"
#include "store/Store.h"

namespace jobhost::host {
namespace {

using Poco::Data::RecordSet;
using Poco::Data::Statement;

double number(RecordSet& rows, std::size_t column) {
    const Poco::Dynamic::Var& v = rows.value(column);
    return v.isEmpty() ? 0.0 : v.convert<double>();
}

std::string text(RecordSet& rows, std::size_t column) {
    const Poco::Dynamic::Var& v = rows.value(column);
    return v.isEmpty() ? std::string() : v.convert<std::string>();
}

RecordSet query(Poco::Data::Session& session, const std::string& sql) {
    Statement statement(session);
    statement << sql;
    statement.execute();
    return RecordSet(statement);
}

// Histogram bounds in seconds; the SQL below counts runs at or under each.
const std::vector<double> kBounds{1, 5, 15, 60, 300, 900, 3600, 14400};

} // namespace

StoreMetricsSource::StoreMetricsSource(const Store& store) : _store(store) {}

void StoreMetricsSource::collect(MetricsWriter& writer) {
    Poco::Data::Session session = _store.openSession();

    writer.family("jobhost_runs_total", "counter", "Run attempts by job and final status (running included).");
    RecordSet runs = query(session, "SELECT job_name, status, COUNT(*) FROM runs GROUP BY job_name, status ORDER BY job_name, status");
    for (bool more = runs.moveFirst(); more; more = runs.moveNext())
        writer.sample("jobhost_runs_total", {{"job", text(runs, 0)}, {"status", text(runs, 1)}}, number(runs, 2));

    static const char* kCounters[][2] = {{"read", "Records the plugin emitted."},
                                         {"written", "Records stored as new stream events."},
                                         {"duplicate", "Records ignored as already stored."},
                                         {"delivered", "Export items delivered."},
                                         {"rejected", "Export items rejected."}};
    RecordSet records = query(session,
                              "SELECT job_name, SUM(records_read), SUM(records_written), SUM(records_duplicate), SUM(records_delivered), "
                              "SUM(records_rejected) FROM runs GROUP BY job_name ORDER BY job_name");
    for (std::size_t c = 0; c < 5; ++c) {
        std::string name = std::string("jobhost_records_") + kCounters[c][0] + "_total";
        writer.family(name, "counter", kCounters[c][1]);
        for (bool more = records.moveFirst(); more; more = records.moveNext())
            writer.sample(name, {{"job", text(records, 0)}}, number(records, c + 1));
    }

    writer.family("jobhost_run_duration_seconds", "histogram", "Duration of finished runs.");
    std::string buckets;
    for (double b : kBounds)
        buckets += ", SUM(CASE WHEN ended_at - started_at <= " + std::to_string(static_cast<long long>(b * 1000)) + " THEN 1 ELSE 0 END)";
    // The bucket bounds are constants of this file, not input: nothing is concatenated from outside.
    RecordSet durations = query(session, "SELECT job_name, COUNT(*), SUM(ended_at - started_at)" + buckets +
                                             " FROM runs WHERE ended_at IS NOT NULL GROUP BY job_name ORDER BY job_name");
    for (bool more = durations.moveFirst(); more; more = durations.moveNext()) {
        std::vector<double> counts;
        for (std::size_t i = 0; i < kBounds.size(); ++i) counts.push_back(number(durations, 3 + i));
        writer.histogram("jobhost_run_duration_seconds", {{"job", text(durations, 0)}}, kBounds, counts, number(durations, 1),
                         number(durations, 2) / 1000.0);
    }

    writer.family("jobhost_jobs", "gauge", "Jobs by state.");
    RecordSet states = query(session,
                             "SELECT SUM(CASE WHEN j.enabled = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN j.enabled = 0 THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN s.running_run_id IS NOT NULL THEN 1 ELSE 0 END) "
                             "FROM jobs j LEFT JOIN job_schedule s ON s.job_id = j.id");
    if (states.moveFirst()) {
        writer.sample("jobhost_jobs", {{"state", "enabled"}}, number(states, 0));
        writer.sample("jobhost_jobs", {{"state", "paused"}}, number(states, 1));
        writer.sample("jobhost_jobs", {{"state", "running"}}, number(states, 2));
    }

    double nowSeconds = static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1e6;
    RecordSet perJob = query(session,
                             "SELECT j.name, CASE WHEN s.running_run_id IS NULL THEN 0 ELSE 1 END, "
                             "(SELECT MAX(r.ended_at) FROM runs r WHERE r.job_id = j.id AND r.status = 'ok'), st.updated_at "
                             "FROM jobs j LEFT JOIN job_schedule s ON s.job_id = j.id LEFT JOIN job_state st ON st.job_id = j.id ORDER BY j.name");
    writer.family("jobhost_job_running", "gauge", "1 while a run of the job is active.");
    for (bool more = perJob.moveFirst(); more; more = perJob.moveNext()) writer.sample("jobhost_job_running", {{"job", text(perJob, 0)}}, number(perJob, 1));
    writer.family("jobhost_job_last_success_timestamp_seconds", "gauge", "End of the job's last successful run (Unix time).");
    for (bool more = perJob.moveFirst(); more; more = perJob.moveNext())
        if (!perJob.value(2).isEmpty()) writer.sample("jobhost_job_last_success_timestamp_seconds", {{"job", text(perJob, 0)}}, number(perJob, 2) / 1000.0);
    writer.family("jobhost_job_checkpoint_age_seconds", "gauge", "Seconds since the job's state was last checkpointed.");
    for (bool more = perJob.moveFirst(); more; more = perJob.moveNext())
        if (!perJob.value(3).isEmpty())
            writer.sample("jobhost_job_checkpoint_age_seconds", {{"job", text(perJob, 0)}}, nowSeconds - number(perJob, 3) / 1000.0);
}

} // namespace jobhost::host
