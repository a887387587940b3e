// jobhost postup plugin — ImportState.h
// The import job's durable state (checkpoint JSON) and its encoding.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace jobhost::plugins::postup {

/// Report types of one mailing, as bits of ImportState::reportsDone.
enum ReportBit : unsigned { kOpenBit = 1, kClickBit = 2, kHardBit = 4, kSoftBit = 8, kAllReportBits = 15 };

/// Where the import is. Plain value; encoded as JSON in every checkpoint:
///
///   {"version":2,"phase":"idle|running",
///    "lastUsersImportMs":N, "usersEpochMs":N, "usersActive":bool, "usersWatermark":N,
///    "activityAnchorMs":N, "activityActive":bool, "reportsDone":{"<mailingId>":bits,...},
///    "lastActivityImportMs":N}
///
/// A cycle starts in phase idle and runs its recipient snapshot (when due)
/// and its activity pass at the same time; each part clears its *Active flag
/// when it is done, and the cycle goes back to idle when both are. A run
/// that finds phase running resumes the parts still active: the snapshot at
/// usersWatermark (every membership of every list whose recipientId is
/// <= the watermark is committed), the activity pass skipping reports whose
/// bit is set. usersEpochMs is the snapshot id in postup_users natural keys,
/// so a resumed snapshot reuses it.
///
/// Version 1 states (phases users → activity in turn, per-list progress)
/// are still read: "users" resumes the snapshot from watermark 0 (records
/// already committed come again with the same keys, which the store
/// ignores) and runs activity in the next cycle; "activity" resumes it.
struct ImportState {
    enum class Phase { Idle, Running };

    Phase phase = Phase::Idle;
    /// Start time of the last COMPLETED recipient import (0 = never): the 24 h rule.
    std::int64_t lastUsersImportMs = 0;
    /// Start time of the current (or last) recipient import: its snapshot id.
    std::int64_t usersEpochMs = 0;
    /// A recipient snapshot is in progress in this cycle.
    bool usersActive = false;
    /// Highest recipientId whose memberships (all lists) are committed.
    std::int64_t usersWatermark = 0;
    /// "Now" of the current activity pass; the window is [anchor - days, anchor].
    std::int64_t activityAnchorMs = 0;
    /// An activity pass is in progress in this cycle.
    bool activityActive = false;
    std::map<std::int64_t, unsigned> reportsDone;
    std::int64_t lastActivityImportMs = 0;

    std::string toJson() const;
    /// Empty text → a fresh state. Throws std::invalid_argument for text that
    /// is not a state this plugin wrote (version 1 or 2).
    static ImportState fromJson(const std::string& json);
    static const char* phaseName(Phase phase);
};

} // namespace jobhost::plugins::postup
