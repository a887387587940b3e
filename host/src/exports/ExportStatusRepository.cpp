// jobhost host — ExportStatusRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportStatusRepository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace jobhost::host::exports {

using namespace Poco::Data::Keywords;

ExportStatusRepository::ExportStatusRepository(Poco::Data::Session& session) : _session(session) {}

void ExportStatusRepository::add(const std::string& job, const ExportTotals& d, std::int64_t nowMs, const std::string& lastError) {
    std::string j = job, error = lastError;
    Poco::Int64 b = d.batches, dl = d.delivered, s = d.skipped, r = d.retried, rj = d.rejected, at = nowMs;
    _session << "INSERT INTO export_status (job, batches, delivered, skipped, retried, rejected, last_batch_at, last_error, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job) DO UPDATE SET "
                "batches = batches + excluded.batches, delivered = delivered + excluded.delivered, "
                "skipped = skipped + excluded.skipped, retried = retried + excluded.retried, "
                "rejected = rejected + excluded.rejected, last_batch_at = excluded.last_batch_at, "
                "last_error = excluded.last_error, updated_at = excluded.updated_at",
        use(j), use(b), use(dl), use(s), use(r), use(rj), use(at), use(error), use(at), now;
}

std::vector<ExportStatusRecord> ExportStatusRepository::select(const std::string& job) {
    std::string j = job;
    std::vector<std::string> jobs, errors;
    std::vector<Poco::Int64> batches, delivered, skipped, retried, rejected, updated;
    std::vector<Poco::Nullable<Poco::Int64>> lastAt;
    _session << "SELECT job, batches, delivered, skipped, retried, rejected, last_batch_at, last_error, updated_at "
                "FROM export_status WHERE (? = '' OR job = ?) ORDER BY job",
        use(j), use(j), into(jobs), into(batches), into(delivered), into(skipped), into(retried), into(rejected), into(lastAt),
        into(errors), into(updated), now;
    std::vector<ExportStatusRecord> out;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        ExportStatusRecord r;
        r.job = jobs[i];
        r.totals = {batches[i], delivered[i], skipped[i], retried[i], rejected[i]};
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
