// jobhost postup plugin — UserImporter.h
// Phase 1 of the import: every list's members into postup_users.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "ImportConfig.h"
#include "PhaseResult.h"
#include "StateKeeper.h"
#include "client/PostupClient.h"
#include "jobhost/sdk/ImportJob.h"

namespace jobhost::plugins::postup {

/// Walks GET /list, then each list's members with keyset paging
/// (GET /listsubscription?listid=&limit=&lastrecipid=), fetches
/// GET /recipient/{id} for members whose page row lacks the recipient fields
/// (in parallel, report_concurrency threads), and emits one postup_users
/// record per membership:
///
///   naturalKey  "list:<listId>:<recipientId>:<usersEpochMs>"
///   eventTimeMs usersEpochMs (the snapshot's start time)
///   fields      address, recipientId, externalId, channel, carrier, comment,
///               dateJoined, sourceSignupDate, status, dateUnsub (dates as
///               ISO-8601 UTC; unparseable dates kept verbatim and counted),
///               list_id, list_title, list_catagory, list_status,
///               list_date_joined, list_date_unsub, global_status,
///               source_description, then each non-empty demographic as
///               "<Name>" (or "demographic_<Name>" if it collides).
///
/// Because usersEpochMs is fixed when the snapshot starts and kept in the
/// state, a resumed run re-emits the same keys (the host ignores repeats),
/// while a re-import after recipient_interval_hours gets a new epoch and is a
/// new snapshot. Checkpoints after every page, lists in ascending listId.
///
/// Ownership: borrows everything for one run(). Thread-safety: one run() at
/// a time. Failure: API errors propagate as PostupException; a recipient that
/// vanished between page and detail call (404) is emitted from the page data
/// and counted.
class UserImporter {
public:
    UserImporter(const PostupClient& client, const ImportConfig& config, sdk::ImportContext& context,
                 StateKeeper& keeper);

    PhaseResult run();

    std::uint64_t recordsEmitted() const { return _records; }
    std::uint64_t detailCalls() const { return _detailCalls; }

    /// The natural key of one membership record of snapshot `epochMs`.
    static std::string naturalKey(std::int64_t listId, std::int64_t recipientId, std::int64_t epochMs);

private:
    sdk::Record buildRecord(const ListInfo& list, const Subscription& member, const std::optional<Recipient>& details,
                            std::int64_t epochMs);
    std::string normaliseDate(const std::string& value);

    const PostupClient& _client;
    const ImportConfig& _config;
    sdk::ImportContext& _context;
    StateKeeper& _keeper;
    std::uint64_t _records = 0;
    std::atomic<std::uint64_t> _detailCalls{0};
    std::uint64_t _badDates = 0;
    std::uint64_t _missingRecipients = 0;
};

} // namespace jobhost::plugins::postup
