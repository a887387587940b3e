// AudienceStoreSchema.cpp — jobhost audiences: the DDL of the membership and outbox tables.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/AudienceStoreSchema.h"

namespace jobhost::host::audiences {

const std::vector<std::string>& AudienceStoreSchema::statements()
{
    static const std::vector<std::string> ddl{
        R"(CREATE TABLE audience_state (
             slug TEXT PRIMARY KEY,
             filter TEXT NOT NULL,
             evaluated_at INTEGER NOT NULL))",
        R"(CREATE TABLE audience_memberships (
             audience TEXT NOT NULL,
             profile_id INTEGER NOT NULL,
             since INTEGER NOT NULL,
             PRIMARY KEY (audience, profile_id)) WITHOUT ROWID)",
        R"(CREATE INDEX audience_memberships_by_profile ON audience_memberships(profile_id))",
        R"(CREATE TABLE audience_membership_events (
             id INTEGER PRIMARY KEY,
             audience TEXT NOT NULL,
             profile_id INTEGER NOT NULL,
             event TEXT NOT NULL,
             at INTEGER NOT NULL,
             cause TEXT NOT NULL))",
        R"(CREATE INDEX audience_membership_events_by_audience ON audience_membership_events(audience, id))",
        R"(CREATE TABLE audience_membership_carry (
             audience TEXT NOT NULL,
             old_profile_id INTEGER NOT NULL,
             field TEXT NOT NULL,
             value TEXT NOT NULL,
             since INTEGER NOT NULL))",
        R"(CREATE TABLE export_subscriptions (
             job TEXT PRIMARY KEY,
             audience TEXT NOT NULL,
             fields_json TEXT NOT NULL,
             backfill INTEGER NOT NULL,
             started_at INTEGER NOT NULL))",
        R"(CREATE INDEX export_subscriptions_by_audience ON export_subscriptions(audience))",
        R"(CREATE TABLE export_outbox (
             id INTEGER PRIMARY KEY,
             job TEXT NOT NULL,
             audience TEXT NOT NULL,
             profile_id INTEGER NOT NULL,
             event TEXT NOT NULL,
             at INTEGER NOT NULL,
             profile_json TEXT NOT NULL,
             state TEXT NOT NULL,
             attempts INTEGER NOT NULL DEFAULT 0,
             available_at INTEGER NOT NULL,
             created_at INTEGER NOT NULL))",
        R"(CREATE INDEX export_outbox_by_job ON export_outbox(job, state, id))",
        R"(CREATE UNIQUE INDEX export_outbox_pending ON export_outbox(job, profile_id) WHERE state = 'pending')",
    };
    return ddl;
}

const std::vector<std::string>& AudienceStoreSchema::outboxIdsNeverReused()
{
    static const std::vector<std::string> ddl{
        R"(CREATE TABLE export_outbox_autoincrement (
             id INTEGER PRIMARY KEY AUTOINCREMENT,
             job TEXT NOT NULL,
             audience TEXT NOT NULL,
             profile_id INTEGER NOT NULL,
             event TEXT NOT NULL,
             at INTEGER NOT NULL,
             profile_json TEXT NOT NULL,
             state TEXT NOT NULL,
             attempts INTEGER NOT NULL DEFAULT 0,
             available_at INTEGER NOT NULL,
             created_at INTEGER NOT NULL))",
        R"(INSERT INTO export_outbox_autoincrement
             (id, job, audience, profile_id, event, at, profile_json, state, attempts, available_at, created_at)
           SELECT id, job, audience, profile_id, event, at, profile_json, state, attempts, available_at, created_at
           FROM export_outbox)",
        R"(DROP TABLE export_outbox)",
        R"(ALTER TABLE export_outbox_autoincrement RENAME TO export_outbox)",
        // Start above every id still referenced: a dead letter keeps the id
        // its outbox row had.
        R"(DELETE FROM sqlite_sequence WHERE name IN ('export_outbox', 'export_outbox_autoincrement'))",
        R"(INSERT INTO sqlite_sequence (name, seq)
           SELECT 'export_outbox', MAX(COALESCE((SELECT MAX(id) FROM export_outbox), 0),
                                   COALESCE((SELECT MAX(outbox_id) FROM export_dead_letters), 0)))",
        R"(CREATE INDEX export_outbox_by_job ON export_outbox(job, state, id))",
        R"(CREATE UNIQUE INDEX export_outbox_pending ON export_outbox(job, profile_id) WHERE state = 'pending')",
        R"(CREATE INDEX export_outbox_by_profile ON export_outbox(job, profile_id, id))",
    };
    return ddl;
}

} // namespace jobhost::host::audiences
