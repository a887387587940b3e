// jobhost postup plugin — UserImporter.h
// The recipient snapshot: every list's members into postup_users.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "ImportConfig.h"
#include "PhaseResult.h"
#include "StateKeeper.h"
#include "client/PostupClient.h"
#include "jobhost/sdk/ImportJob.h"

namespace jobhost::plugins::postup {

/// Walks GET /list, then all lists' members together, in ascending
/// recipientId: each list is paged with keyset paging
/// (GET /listsubscription?listid=&limit=&lastrecipid=), and the pages are
/// merged by recipientId, so all memberships of one recipient are in hand
/// at once. For each recipient, GET /recipient/{id} is called only when
/// none of its page rows carries the recipient's details (postup-api.md
/// §7.3) — so at most once per recipient per run, however many lists it is
/// on — on report_concurrency threads, which meanwhile also fetch the next
/// page of each list the batch used up. One postup_users
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
/// Batches and exactly-once: a batch is every membership with recipientId
/// <= B, where B is the smallest last-id among the buffered pages of lists
/// not yet exhausted (no list can still hold an unseen member <= B). After
/// its records are emitted the batch is checkpointed with usersWatermark =
/// B. A resumed run pages every list from the watermark again, so a crash
/// repeats at most the uncommitted batch: its recipients' details are
/// fetched once more (the only way "once per recipient" is exceeded) and
/// its records come again with the same natural keys, which the host
/// ignores. Because usersEpochMs is fixed when the snapshot starts and kept
/// in the state, a re-import after recipient_interval_hours gets a new epoch
/// and is a new snapshot. A list created after the snapshot started is read
/// only above the watermark; the next snapshot has all of it.
///
/// Memory: one page per list (page_size, lowered so that all lists'
/// buffers together stay below kBufferedRowBudget rows) plus one batch.
///
/// Ownership: borrows everything for one run(). Thread-safety: one run() at
/// a time; run() starts and joins its own threads. Failure: API errors
/// propagate as PostupException (after the other threads of the batch
/// stopped); a recipient that vanished between page and detail call (404)
/// is emitted from the page data and counted.
class UserImporter {
public:
    UserImporter(const PostupClient& client, const ImportConfig& config, sdk::ImportContext& context,
                 StateKeeper& keeper);

    PhaseResult run();

    std::uint64_t recordsEmitted() const { return _records; }
    std::uint64_t detailCalls() const { return _detailCalls.load(); }
    std::uint64_t pageCalls() const { return _pageCalls.load(); }

    /// The natural key of one membership record of snapshot `epochMs`.
    static std::string naturalKey(std::int64_t listId, std::int64_t recipientId, std::int64_t epochMs);

    /// Rows all lists' page buffers may hold together.
    static constexpr std::size_t kBufferedRowBudget = 200000;

private:
    /// Paging position and buffered rows of one list.
    struct ListCursor {
        ListInfo list;
        std::deque<Subscription> buffered;
        std::int64_t fetchedUpTo = 0; ///< lastrecipid of the next page
        bool exhausted = false;       ///< the last page was short
    };
    /// All memberships of one recipient in the current batch.
    struct RecipientRows {
        std::int64_t recipientId = 0;
        std::vector<std::pair<const ListInfo*, Subscription>> memberships;
        std::optional<Recipient> details;
    };

    /// Fetches the next page of `cursor` (one GET /listsubscription).
    void fetchPage(ListCursor& cursor, int pageSize);
    /// Fetches the pages of `refills` and the details `batch` lacks, on
    /// report_concurrency threads.
    void fetchInParallel(const std::vector<ListCursor*>& refills, int pageSize, std::vector<RecipientRows>& batch);
    sdk::Record buildRecord(const ListInfo& list, const Subscription& member, const std::optional<Recipient>& details,
                            std::int64_t epochMs);
    std::string normaliseDate(const std::string& value);

    const PostupClient& _client;
    const ImportConfig& _config;
    sdk::ImportContext& _context;
    StateKeeper& _keeper;
    std::uint64_t _records = 0;
    std::uint64_t _recipients = 0;
    std::atomic<std::uint64_t> _detailCalls{0};
    std::atomic<std::uint64_t> _pageCalls{0};
    std::uint64_t _badDates = 0;
    std::uint64_t _missingRecipients = 0;
};

} // namespace jobhost::plugins::postup
