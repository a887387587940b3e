// jobhost host — ExportStatusRepository.h
// SQL for export_status: running totals per export job.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"

namespace jobhost::host::exports {

/// Totals of one export job (or the increments of one batch). Plain value.
struct ExportTotals {
    std::int64_t batches = 0;
    std::int64_t delivered = 0;
    std::int64_t skipped = 0;
    std::int64_t retried = 0;
    std::int64_t rejected = 0;
    /// `skipped` split by the plugin's reason ("remove_on_exit is off", a
    /// recipient who opted out of all mail, ...); the counts add up to skipped.
    std::map<std::string, std::int64_t> skippedBy;
};

/// A job's row. lastBatchAt is empty before the first batch.
struct ExportStatusRecord {
    std::string job;
    ExportTotals totals;
    std::optional<std::int64_t> lastBatchAt;
    std::string lastError;
    std::int64_t updatedAt = 0;
};

/// The export_status table. Works on a session the caller owns and joins
/// its transaction. Throws Poco::Data exceptions on store failure.
class ExportStatusRepository {
public:
    explicit ExportStatusRepository(Poco::Data::Session& session);

    /// Adds `delta` to the job's totals (creating the row), its skippedBy
    /// counts to export_skip_reasons, and sets the last batch time and error
    /// (empty error = the batch went through).
    void add(const std::string& job, const ExportTotals& delta, std::int64_t nowMs, const std::string& lastError);
    /// The job's row with totals.skippedBy filled in; empty before its first batch.
    std::optional<ExportStatusRecord> find(const std::string& job);
    std::vector<ExportStatusRecord> all();

private:
    std::vector<ExportStatusRecord> select(const std::string& job);

    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host::exports
