// jobhost postup plugin — ImportState.h
// The import job's durable state (checkpoint JSON) and its encoding.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace jobhost::plugins::postup {

/// Report types of one mailing, as bits of ImportState::reportsDone.
enum ReportBit : unsigned { kOpenBit = 1, kClickBit = 2, kHardBit = 4, kSoftBit = 8, kAllReportBits = 15 };

/// Where the import is. Plain value; encoded as JSON in every checkpoint:
///
///   {"version":1,"phase":"users|activity|idle",
///    "lastUsersImportMs":N, "usersEpochMs":N, "listsDone":[id,...],
///    "currentListId":N, "lastRecipientId":N,
///    "activityAnchorMs":N, "reportsDone":{"<mailingId>":bits,...},
///    "lastActivityImportMs":N}
///
/// A run that finds phase users/activity resumes that phase: list pages
/// restart after (currentListId, lastRecipientId), lists in listsDone and
/// reports whose bit is set are skipped. usersEpochMs is the snapshot id in
/// postup_users natural keys, so a resumed recipient import reuses it.
struct ImportState {
    enum class Phase { Idle, Users, Activity };

    Phase phase = Phase::Idle;
    /// Start time of the last COMPLETED recipient import (0 = never): the 24 h rule.
    std::int64_t lastUsersImportMs = 0;
    /// Start time of the current (or last) recipient import: its snapshot id.
    std::int64_t usersEpochMs = 0;
    std::set<std::int64_t> listsDone;
    std::int64_t currentListId = 0;
    std::int64_t lastRecipientId = 0;
    /// "Now" of the current activity pass; the window is [anchor - days, anchor].
    std::int64_t activityAnchorMs = 0;
    std::map<std::int64_t, unsigned> reportsDone;
    std::int64_t lastActivityImportMs = 0;

    std::string toJson() const;
    /// Empty text → a fresh state. Throws std::invalid_argument for text that
    /// is not a state this plugin wrote.
    static ImportState fromJson(const std::string& json);
    static const char* phaseName(Phase phase);
};

} // namespace jobhost::plugins::postup
