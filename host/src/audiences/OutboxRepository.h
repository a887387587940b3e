// OutboxRepository.h — jobhost audiences: SQL for export subscriptions and the durable export outbox.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiences/MembershipChange.h"

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"

#include <optional>
#include <string>
#include <vector>

namespace jobhost::host::audiences {

// An export job's interest in an audience.
struct ExportSubscription {
    std::string job;
    std::string audience;
    // Profile fields the export maps (email field + field mappings): a
    // change of one of them for a member queues an "update" (§9.4).
    std::vector<std::string> fields;
    bool backfill = true;
    lql::TimeMs startedAt;
};

// One outbox row. state: pending (coalescable: at most one per job and
// profile), sealed (waiting, no longer coalesced — rows written before a
// profile rebuild), inflight (claimed by the export runner).
struct OutboxItem {
    std::int64_t id = 0;
    std::string job;
    std::string audience;
    profiles::ProfileId profile = 0; // 0: a profile that no longer exists (exit after a rebuild)
    std::string event;               // enter | exit | update
    lql::TimeMs at;
    std::string profileJson;         // Profile::toPlainJson at the time of the change
    std::string state;
    std::int64_t attempts = 0;
    lql::TimeMs availableAt;
};

// The export table group (export_subscriptions, export_outbox; see
// AudienceStoreSchema). Writers call enqueue() inside the transaction that
// changes the membership, so the outbox is exactly as durable as the
// membership. Per-user coalescing happens on enqueue: a new change for a
// profile that still has a pending row replaces that row's event and
// snapshot (last state wins; an update never downgrades a pending enter),
// keeping its place in the queue, so order per user is preserved. Works on a
// session the caller owns (one thread at a time); joins the caller's
// transaction. Throws Poco::Data exceptions on store failure.
class OutboxRepository {
public:
    explicit OutboxRepository(Poco::Data::Session& session);

    // --- subscriptions
    void saveSubscription(const ExportSubscription& subscription);
    void removeSubscription(const std::string& job);
    std::optional<ExportSubscription> subscription(const std::string& job);
    std::vector<ExportSubscription> subscriptions();
    std::vector<ExportSubscription> subscriptionsFor(const std::string& audience);

    // --- outbox (writers)
    // Queues change for job with the profile snapshot, coalescing with a
    // pending row of the same (job, profile).
    void enqueue(const std::string& job, const MembershipChange& change, const std::string& profileJson);
    // Many enqueue()s with one prepared statement, in the order given (ids
    // and coalescing as if enqueued one by one). An empty list does nothing.
    struct Entry {
        std::string job;
        MembershipChange change;
        std::string profileJson;
    };
    void enqueueAll(const std::vector<Entry>& entries);
    // Turns every pending row into sealed (no later change coalesces with it).
    void sealPending();

    // --- outbox (export runner)
    // Pending and sealed rows of job available at now, oldest first, without
    // the rows of a profile that still has an older row in the outbox (any
    // state): the per-user order guard. It is read from the table itself, so
    // it holds across runner restarts (a change waiting for a retry keeps
    // every newer change of that profile back until it is done or
    // dead-lettered). Profile 0 (deleted profiles) is not guarded.
    std::vector<OutboxItem> ready(const std::string& job, lql::TimeMs now, std::size_t limit);
    std::int64_t waitingCount(const std::string& job);
    // created_at of the oldest waiting row (for flush-by-age); empty when none.
    std::optional<lql::TimeMs> oldestWaiting(const std::string& job);
    // Claims rows for delivery (state inflight, attempts + 1).
    void markInflight(const std::vector<std::int64_t>& ids);
    // Deletes delivered (or permanently handled) rows.
    void complete(const std::vector<std::int64_t>& ids);
    // Returns a claimed row to the queue, sealed, available again at availableAt.
    void retryLater(std::int64_t id, lql::TimeMs availableAt);
    // Inflight rows back to sealed (crash recovery of the export runner).
    void releaseInflight(const std::string& job);
    std::vector<OutboxItem> all(const std::string& job);

private:
    std::vector<OutboxItem> select(const std::string& job, const std::string& where, lql::TimeMs now, std::size_t limit);

    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host::audiences
