// jobhost host — ExportStatusRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportStatusRepository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace jobhost::host::exports {

using namespace Poco::Data::Keywords;

ExportStatusRepository::ExportStatusRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

void ExportStatusRepository::add(const std::string& job, const ExportTotals& d, std::int64_t nowMs, const std::string& lastError) {
    std::string j = job, error = lastError;
    Poco::Int64 b = d.batches, dl = d.delivered, s = d.skipped, r = d.retried, rj = d.rejected, at = nowMs;
    _session << _sql("INSERT INTO export_status (job, batches, delivered, skipped, retried, rejected, last_batch_at, last_error, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job) DO UPDATE SET "
                "batches = export_status.batches + excluded.batches, delivered = export_status.delivered + excluded.delivered, "
                "skipped = export_status.skipped + excluded.skipped, retried = export_status.retried + excluded.retried, "
                "rejected = export_status.rejected + excluded.rejected, last_batch_at = excluded.last_batch_at, "
                "last_error = excluded.last_error, updated_at = excluded.updated_at"),
        use(j), use(b), use(dl), use(s), use(r), use(rj), use(at), use(error), use(at), now;
    for (const auto& [reason, count] : d.skippedBy) {
        std::string why = reason;
        Poco::Int64 n = count;
        _session << _sql("INSERT INTO export_skip_reasons (job, reason, count) VALUES (?, ?, ?) "
                    "ON CONFLICT (job, reason) DO UPDATE SET count = export_skip_reasons.count + excluded.count"),
            use(j), use(why), use(n), now;
    }
}

std::vector<ExportStatusRecord> ExportStatusRepository::select(const std::string& job) {
    std::string j = job;
    std::vector<std::string> jobs, errors;
    std::vector<Poco::Int64> batches, delivered, skipped, retried, rejected, updated;
    std::vector<Poco::Nullable<Poco::Int64>> lastAt;
    _session << _sql("SELECT job, batches, delivered, skipped, retried, rejected, last_batch_at, last_error, updated_at "
                "FROM export_status WHERE (? = '' OR job = ?) ORDER BY job"),
        use(j), use(j), into(jobs), into(batches), into(delivered), into(skipped), into(retried), into(rejected), into(lastAt),
        into(errors), into(updated), now;
    std::vector<std::string> reasonJobs, reasons;
    std::vector<Poco::Int64> counts;
    _session << _sql("SELECT job, reason, count FROM export_skip_reasons WHERE (? = '' OR job = ?) ORDER BY job, reason"), use(j), use(j),
        into(reasonJobs), into(reasons), into(counts), now;
    std::vector<ExportStatusRecord> out;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        ExportStatusRecord r;
        r.job = jobs[i];
        r.totals = {batches[i], delivered[i], skipped[i], retried[i], rejected[i], {}};
        for (std::size_t k = 0; k < reasonJobs.size(); ++k)
            if (reasonJobs[k] == jobs[i]) r.totals.skippedBy[reasons[k]] = counts[k];
        if (!lastAt[i].isNull()) r.lastBatchAt = lastAt[i].value();
        r.lastError = errors[i];
        r.updatedAt = updated[i];
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<ExportStatusRecord> ExportStatusRepository::find(const std::string& job) {
    if (job.empty()) return std::nullopt;
    auto rows = select(job);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<ExportStatusRecord> ExportStatusRepository::all() { return select(""); }

} // namespace jobhost::host::exports
