// jobhost host — ExportOverviewRepository.h
// Grouped read-only counts over the outbox, dead letters and export status
// of every export job at once (console list, /metrics).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"

#include "exports/ExportStatusRepository.h"

namespace jobhost::host::exports {

/// What waits for one export job right now, and what it did so far. Plain value.
struct ExportQueueCounts {
    std::int64_t waiting = 0;      ///< outbox rows pending or sealed (not yet handed to the plugin)
    std::int64_t inflight = 0;     ///< outbox rows handed to the plugin, result not yet applied
    std::int64_t retrying = 0;     ///< waiting rows that already failed at least once (retry later)
    std::int64_t deadLetters = 0;  ///< rows given up on, replayable
    std::optional<std::int64_t> oldestWaitingAt; ///< created_at of the oldest waiting row
    std::optional<ExportStatusRecord> status;     ///< running totals; empty before the first batch

    /// Every outbox row of the job (waiting + in flight).
    std::int64_t outboxDepth() const { return waiting + inflight; }
};

/// Read-only aggregate queries for many export jobs with a fixed number of
/// statements (one GROUP BY per table), so a console page or a /metrics
/// scrape costs the same with one export or a thousand. Works on a session
/// the caller owns (one thread at a time); joins the caller's transaction.
/// Throws Poco::Data exceptions on store failure.
class ExportOverviewRepository {
public:
    explicit ExportOverviewRepository(Poco::Data::Session& session);

    /// Counts per export job name, for every job that has outbox rows, dead
    /// letters or an export_status row (`job` empty), or for that one job
    /// (absent from the map when it has none of them).
    std::map<std::string, ExportQueueCounts> counts(const std::string& job = {});

private:
    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host::exports
