// AudienceStoreSchema.h — jobhost audiences: the DDL of the membership and outbox tables (one store migration).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host::audiences {

// The statements of the store migration that adds the audience tables; the
// store's Migrations list appends them as one versioned step after the
// profile tables. Never edit a released list. Stateless; thread-safe.
//
//  audience_state              slug → the filter text memberships were last
//                              evaluated with (a differing definition in
//                              audience_definitions triggers re-evaluation)
//  audience_memberships        (audience, profile_id) → since
//  audience_membership_events  enter/exit with time and cause
//                              (profile | merge | definition | time | rebuild)
//  audience_membership_carry   memberships held by identity key across a
//                              profile rebuild
//  export_subscriptions        export job → audience, change-trigger fields
//  export_outbox               per job: enter/exit/update with a plain JSON
//                              snapshot of the profile; at most one
//                              'pending' row per (job, profile) (coalescing)
class AudienceStoreSchema {
public:
    static const std::vector<std::string>& statements();
    // A later migration: export_outbox rebuilt with AUTOINCREMENT ids. Plain
    // INTEGER PRIMARY KEY hands out max(id) + 1, so after a drained outbox
    // the next change got the id of one already delivered — and an export
    // plugin that remembers the ids of its last import (to resume it after a
    // crash instead of importing twice) took the new change for the old one.
    // Rows and indexes are carried over; the id sequence starts above every
    // id still visible (outbox rows and dead letters).
    static const std::vector<std::string>& outboxIdsNeverReused();
};

} // namespace jobhost::host::audiences
