// jobhost host — StoreMetricsSource.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/StoreMetricsSource.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <Poco/Data/Transaction.h>
#include <Poco/Timestamp.h>

#include "console/MetricsWriter.h"
#include "exports/ExportStatusRepository.h"
#include "store/RunStatisticsRepository.h"
#include "store/Store.h"

namespace jobhost::host {
namespace {

// Histogram bounds of jobhost_run_duration_seconds, in seconds.
const std::vector<double> kBoundsSeconds{1, 5, 15, 60, 300, 900, 3600, 14400};

/// Everything /metrics says about one job, summed over its run statuses
/// plus, for an export job, what its export runner delivered and rejected
/// (exports keep no runs).
struct JobFigures {
    std::vector<const JobStatusRuns*> byStatus; ///< ordered by status
    double read = 0, written = 0, duplicate = 0, delivered = 0, rejected = 0, retries = 0;
    double finished = 0, durationSumMs = 0;
    std::vector<double> atOrBelow = std::vector<double>(kBoundsSeconds.size(), 0.0);
    std::optional<Poco::Int64> lastSuccessAt;
};

/// Adds `part` to `total` (same job and status).
void addTo(JobStatusRuns& total, const JobStatusRuns& part) {
    total.jobId = part.jobId;
    total.status = part.status;
    total.runs += part.runs;
    total.read += part.read;
    total.written += part.written;
    total.duplicate += part.duplicate;
    total.delivered += part.delivered;
    total.rejected += part.rejected;
    total.finished += part.finished;
    total.durationSumMs += part.durationSumMs;
    total.atOrBelow.resize(std::max(total.atOrBelow.size(), part.atOrBelow.size()), 0);
    for (std::size_t i = 0; i < part.atOrBelow.size(); ++i) total.atOrBelow[i] += part.atOrBelow[i];
    if (part.lastEndedAt && (!total.lastEndedAt || *part.lastEndedAt > *total.lastEndedAt)) total.lastEndedAt = part.lastEndedAt;
}

} // namespace

StoreMetricsSource::StoreMetricsSource(const Store& store) : _store(store) {}

void StoreMetricsSource::collect(MetricsWriter& writer) {
    std::lock_guard<std::mutex> lock(_mutex);
    Poco::Data::Session session = _store.openSession();
    RunStatisticsRepository statistics(session);
    std::vector<Poco::Int64> boundsMs;
    for (double b : kBoundsSeconds) boundsMs.push_back(static_cast<Poco::Int64>(b * 1000));

    // One read transaction: every query below sees the same snapshot.
    Poco::Data::Transaction snapshot(session);
    const std::vector<JobActivity> jobs = statistics.activity(); // ordered by name
    const Poco::Int64 maxId = statistics.maxRunId();
    const std::optional<Poco::Int64> lowestRunning = statistics.lowestRunningRunId();
    const Poco::Int64 settledUpTo = lowestRunning ? *lowestRunning - 1 : maxId; // every run up to here has ended
    // Runs disappear only with their job (ON DELETE CASCADE): when a job whose
    // runs are kept is gone, start over.
    std::unordered_set<Poco::Int64> jobIds;
    for (const JobActivity& a : jobs) jobIds.insert(a.jobId);
    for (const auto& entry : _kept)
        if (!jobIds.count(entry.first.first)) {
            _kept.clear();
            _keptUpTo = 0;
            break;
        }
    if (settledUpTo > _keptUpTo) {
        for (const JobStatusRuns& r : statistics.runsByJobAndStatus(boundsMs, _keptUpTo, settledUpTo)) {
            addTo(_kept[{r.jobId, r.status}], r);
        }
        _keptUpTo = settledUpTo;
    }
    std::map<std::pair<Poco::Int64, std::string>, JobStatusRuns> merged = _kept;
    for (const JobStatusRuns& r : statistics.runsByJobAndStatus(boundsMs, _keptUpTo)) addTo(merged[{r.jobId, r.status}], r);
    const std::vector<exports::ExportStatusRecord> exportTotals = exports::ExportStatusRepository(session).all();
    snapshot.commit();
    std::vector<JobStatusRuns> runs;
    runs.reserve(merged.size());
    for (auto& entry : merged) runs.push_back(std::move(entry.second));

    std::unordered_map<Poco::Int64, JobFigures> byId;
    for (const JobStatusRuns& r : runs) {
        JobFigures& f = byId[r.jobId];
        f.byStatus.push_back(&r);
        f.read += static_cast<double>(r.read);
        f.written += static_cast<double>(r.written);
        f.duplicate += static_cast<double>(r.duplicate);
        f.delivered += static_cast<double>(r.delivered);
        f.rejected += static_cast<double>(r.rejected);
        if (r.status == "retry") f.retries += static_cast<double>(r.runs);
        if (r.status == "ok") f.lastSuccessAt = r.lastEndedAt;
        f.finished += static_cast<double>(r.finished);
        f.durationSumMs += static_cast<double>(r.durationSumMs);
        for (std::size_t i = 0; i < f.atOrBelow.size() && i < r.atOrBelow.size(); ++i) f.atOrBelow[i] += static_cast<double>(r.atOrBelow[i]);
    }
    std::unordered_map<std::string, const JobActivity*> byName;
    for (const JobActivity& a : jobs) byName.emplace(a.job, &a);
    for (const auto& status : exportTotals) {
        auto job = byName.find(status.job);
        if (job == byName.end()) continue; // the job is gone; its export totals show under jobhost_export_*
        JobFigures& f = byId[job->second->jobId];
        f.delivered += static_cast<double>(status.totals.delivered);
        f.rejected += static_cast<double>(status.totals.rejected);
    }
    static const JobFigures kNone;
    auto figures = [&](const JobActivity& a) -> const JobFigures& {
        auto it = byId.find(a.jobId);
        return it == byId.end() ? kNone : it->second;
    };
    for (auto& [id, f] : byId)
        std::sort(f.byStatus.begin(), f.byStatus.end(), [](const JobStatusRuns* x, const JobStatusRuns* y) { return x->status < y->status; });

    writer.family("jobhost_runs_total", "counter", "Run attempts by job and final status (running included).");
    for (const JobActivity& a : jobs)
        for (const JobStatusRuns* r : figures(a).byStatus)
            writer.sample("jobhost_runs_total", {{"job", a.job}, {"status", r->status}}, static_cast<double>(r->runs));

    struct Family {
        const char* name;
        const char* help;
        double JobFigures::*field;
    };
    static const Family kCounters[] = {
        {"jobhost_records_read_total", "Records in: records the import plugin emitted.", &JobFigures::read},
        {"jobhost_records_written_total", "Records out of an import: stored as new stream events.", &JobFigures::written},
        {"jobhost_records_duplicate_total", "Records ignored as already stored.", &JobFigures::duplicate},
        {"jobhost_records_delivered_total", "Records out of an export: items the remote accepted.", &JobFigures::delivered},
        {"jobhost_records_rejected_total", "Records rejected (export items refused for good).", &JobFigures::rejected},
        {"jobhost_run_retries_total", "Runs that ended with Retry and were rescheduled (run-level retries).", &JobFigures::retries},
    };
    for (const Family& family : kCounters) {
        writer.family(family.name, "counter", family.help);
        for (const JobActivity& a : jobs) writer.sample(family.name, {{"job", a.job}}, figures(a).*(family.field));
    }

    writer.family("jobhost_run_duration_seconds", "histogram", "Duration of finished runs.");
    for (const JobActivity& a : jobs) {
        const JobFigures& f = figures(a);
        if (f.finished == 0) continue;
        writer.histogram("jobhost_run_duration_seconds", {{"job", a.job}}, kBoundsSeconds, f.atOrBelow, f.finished, f.durationSumMs / 1000.0);
    }

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
        if (const auto& at = figures(a).lastSuccessAt)
            writer.sample("jobhost_job_last_success_timestamp_seconds", {{"job", a.job}}, static_cast<double>(*at) / 1000.0);
    const double nowSeconds = static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1e6;
    writer.family("jobhost_job_checkpoint_age_seconds", "gauge", "Seconds since the job's state was last checkpointed.");
    for (const JobActivity& a : jobs)
        if (a.checkpointAt)
            writer.sample("jobhost_job_checkpoint_age_seconds", {{"job", a.job}}, nowSeconds - static_cast<double>(*a.checkpointAt) / 1000.0);
}

} // namespace jobhost::host
