// jobhost postup plugin — ActivityImporter.h
// Phase 2 of the import: recent mailings' reports into postup_activity.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "ImportConfig.h"
#include "PhaseResult.h"
#include "StateKeeper.h"
#include "client/PostupClient.h"
#include "client/ReportParser.h"
#include "jobhost/sdk/ImportJob.h"

namespace jobhost::plugins::postup {

/// GET /campaign → GET /mailing?campaignid= for each → mailings whose
/// scheduledTime lies in [anchor − activity_window_days, anchor] → per
/// mailing the OPEN, CLICK (one row per recipient: unique clicks), HARD and
/// SOFT reports of ExternalDownload.do, streamed through a ReportParser on
/// report_concurrency threads. Each good row becomes one postup_activity record:
///
///   naturalKey  "<mailingId>|<recipientId>|<TYPE>|<eventTimeMs>"
///   eventTimeMs the row's OpenTime/ClickTime/BounceTime
///   fields      event_type (config literal), campaign_id, mailing_id,
///               recipientId, address, externalId, event_time (ISO-8601 UTC),
///               url_clicked, bounce_reason (+ link_id, bounce_type)
///
/// Concurrency and exactly-once: rows are emitted as they stream in (no
/// report is buffered) and a report's bit in reportsDone is set, and
/// checkpointed, only after its last row was emitted by the same thread. A
/// checkpoint may also commit rows of reports other threads are still
/// reading; those reports are not marked done, so after a crash they are
/// read again and their rows re-emitted with the same natural keys, which
/// the host ignores. So the committed data of any interrupted-and-resumed
/// run equals a clean run's, while downloads stay parallel and memory flat.
/// Long reports also checkpoint every kRowsPerCheckpoint rows so the host's
/// uncommitted buffer stays bounded.
///
/// Ownership: borrows everything for one run(). Thread-safety: one run() at
/// a time; run() starts and joins its own worker threads. Failure: the first
/// worker failure (PostupException, or a report that looks cut off) stops
/// the others after their current report and is rethrown; a mailing that
/// vanished (404 not naming the site) is logged and skipped.
class ActivityImporter {
public:
    ActivityImporter(const PostupClient& client, const ImportConfig& config, sdk::ImportContext& context,
                     StateKeeper& keeper);

    PhaseResult run();

    std::uint64_t recordsEmitted() const { return _records.load(); }
    std::uint64_t badRows() const { return _badRows.load(); }
    std::uint64_t reportsFetched() const { return _reports.load(); }

    /// The natural key of one activity row.
    static std::string naturalKey(std::int64_t mailingId, std::int64_t recipientId, const std::string& type,
                                  std::int64_t eventTimeMs);

    static constexpr std::uint64_t kRowsPerCheckpoint = 20000;

private:
    struct Task {
        std::int64_t mailingId = 0;
        std::int64_t campaignId = 0;
        unsigned bit = 0;
    };

    std::vector<Task> plan(const ImportState& state, std::uint64_t& alreadyDone);
    /// Downloads and emits one report; returns false when cancelled/stopped.
    bool runTask(const Task& task);
    const std::string& eventType(unsigned bit) const;

    const PostupClient& _client;
    const ImportConfig& _config;
    sdk::ImportContext& _context;
    StateKeeper& _keeper;
    std::atomic<bool> _stop{false};
    std::atomic<bool> _storeFailed{false};
    std::atomic<std::uint64_t> _records{0};
    std::atomic<std::uint64_t> _badRows{0};
    std::atomic<std::uint64_t> _reports{0};
    std::atomic<std::uint64_t> _tasksDone{0};
    std::uint64_t _tasksTotal = 0;
};

} // namespace jobhost::plugins::postup
