// jobhost host — StoreMetricsSource.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/StoreMetricsSource.h"

#include <map>

#include <Poco/Timestamp.h>

#include "console/MetricsWriter.h"
#include "exports/ExportStatusRepository.h"
#include "store/RunStatisticsRepository.h"
#include "store/Store.h"

namespace jobhost::host {
namespace {

// Histogram bounds of jobhost_run_duration_seconds, in seconds.
const std::vector<double> kBoundsSeconds{1, 5, 15, 60, 300, 900, 3600, 14400};

/// The record counters of one job: its runs plus, for an export job, the
/// items its export runner delivered and rejected (exports keep no runs).
struct RecordTotals {
    double read = 0, written = 0, duplicate = 0, delivered = 0, rejected = 0;
};

} // namespace

StoreMetricsSource::StoreMetricsSource(const Store& store) : _store(store) {}

void StoreMetricsSource::collect(MetricsWriter& writer) {
    Poco::Data::Session session = _store.openSession();
    RunStatisticsRepository statistics(session);

    writer.family("jobhost_runs_total", "counter", "Run attempts by job and final status (running included).");
    for (const RunStatusCount& c : statistics.runsByStatus())
        writer.sample("jobhost_runs_total", {{"job", c.job}, {"status", c.status}}, static_cast<double>(c.runs));

    std::vector<JobRunTotals> runTotals = statistics.totals();
    std::map<std::string, RecordTotals> records;
    for (const JobRunTotals& t : runTotals) {
        RecordTotals& r = records[t.job];
        r.read += static_cast<double>(t.read);
        r.written += static_cast<double>(t.written);
        r.duplicate += static_cast<double>(t.duplicate);
        r.delivered += static_cast<double>(t.delivered);
        r.rejected += static_cast<double>(t.rejected);
    }
    for (const auto& status : exports::ExportStatusRepository(session).all()) {
        RecordTotals& r = records[status.job];
        r.delivered += static_cast<double>(status.totals.delivered);
        r.rejected += static_cast<double>(status.totals.rejected);
    }
    struct Family {
        const char* name;
        const char* help;
        double RecordTotals::*field;
    };
    static const Family kRecordFamilies[] = {
        {"jobhost_records_read_total", "Records in: records the import plugin emitted.", &RecordTotals::read},
        {"jobhost_records_written_total", "Records out of an import: stored as new stream events.", &RecordTotals::written},
        {"jobhost_records_duplicate_total", "Records ignored as already stored.", &RecordTotals::duplicate},
        {"jobhost_records_delivered_total", "Records out of an export: items the remote accepted.", &RecordTotals::delivered},
        {"jobhost_records_rejected_total", "Records rejected (export items refused for good).", &RecordTotals::rejected},
    };
    for (const Family& f : kRecordFamilies) {
        writer.family(f.name, "counter", f.help);
        for (const auto& [job, r] : records) writer.sample(f.name, {{"job", job}}, r.*(f.field));
    }

    writer.family("jobhost_run_retries_total", "counter", "Runs that ended with Retry and were rescheduled (run-level retries).");
    for (const JobRunTotals& t : runTotals) writer.sample("jobhost_run_retries_total", {{"job", t.job}}, static_cast<double>(t.retries));

    writer.family("jobhost_run_duration_seconds", "histogram", "Duration of finished runs.");
    std::vector<Poco::Int64> boundsMs;
    for (double b : kBoundsSeconds) boundsMs.push_back(static_cast<Poco::Int64>(b * 1000));
    for (const JobRunDurations& d : statistics.durations(boundsMs)) {
        std::vector<double> counts(d.atOrBelow.begin(), d.atOrBelow.end());
        writer.histogram("jobhost_run_duration_seconds", {{"job", d.job}}, kBoundsSeconds, counts, static_cast<double>(d.count),
                         static_cast<double>(d.sumMs) / 1000.0);
    }

    std::vector<JobActivity> jobs = statistics.activity();
    double enabled = 0, paused = 0, running = 0;
    for (const JobActivity& a : jobs) {
        (a.enabled ? enabled : paused) += 1;
        running += a.running ? 1 : 0;
    }
    writer.family("jobhost_jobs", "gauge", "Jobs by state.");
    writer.sample("jobhost_jobs", {{"state", "enabled"}}, enabled);
    writer.sample("jobhost_jobs", {{"state", "paused"}}, paused);
    writer.sample("jobhost_jobs", {{"state", "running"}}, running);

    writer.family("jobhost_job_running", "gauge", "1 while a run of the job is active.");
    for (const JobActivity& a : jobs) writer.sample("jobhost_job_running", {{"job", a.job}}, a.running ? 1 : 0);
    writer.family("jobhost_job_last_success_timestamp_seconds", "gauge", "End of the job's last successful run (Unix time).");
    for (const JobActivity& a : jobs)
        if (a.lastSuccessAt)
            writer.sample("jobhost_job_last_success_timestamp_seconds", {{"job", a.job}}, static_cast<double>(*a.lastSuccessAt) / 1000.0);
    double nowSeconds = static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1e6;
    writer.family("jobhost_job_checkpoint_age_seconds", "gauge", "Seconds since the job's state was last checkpointed.");
    for (const JobActivity& a : jobs)
        if (a.checkpointAt)
            writer.sample("jobhost_job_checkpoint_age_seconds", {{"job", a.job}}, nowSeconds - static_cast<double>(*a.checkpointAt) / 1000.0);
}

} // namespace jobhost::host
