// jobhost host — ExportStoreSchema.h
// The DDL of the export runner's tables (dead letters, per-job status).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host::exports {

/// Statements of the export store migrations. Stateless; thread-safe;
/// never throws.
class ExportStoreSchema {
public:
    /// Migration 4: export_dead_letters, export_status.
    static const std::vector<std::string>& statements();
    /// Migration 5: the outbox index by (job, profile, id) that makes the
    /// per-user order guard a store query (OutboxRepository::ready), and
    /// export_skip_reasons (skipped items counted per reason).
    static const std::vector<std::string>& orderGuardAndSkipReasons();
};

} // namespace jobhost::host::exports
