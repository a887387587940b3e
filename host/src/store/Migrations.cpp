// jobhost host — Migrations.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/Migrations.h"

#include "audiences/AudienceStoreSchema.h"
#include "exports/ExportStoreSchema.h"
#include "profiles/ProfileStoreSchema.h"
#include "store/PostgresSchema.h"

namespace jobhost::host {

const std::vector<Migration>& Migrations::all() {
    // Times are milliseconds since the Unix epoch (INTEGER). JSON columns are
    // compact JSON text. Append new migrations at the end; never edit one.
    static const std::vector<Migration> migrations{
        {1,
         "runtime: authorizations, jobs, schedule, state, runs, run log, streams, audit, audience definitions",
         {
             R"(CREATE TABLE authorizations (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE,
                  provider TEXT NOT NULL,
                  method TEXT NOT NULL,
                  label TEXT NOT NULL,
                  description TEXT NOT NULL DEFAULT '',
                  fields_json TEXT NOT NULL,
                  secret_nonce BLOB,
                  secret_ciphertext BLOB,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL))",
             R"(CREATE TABLE jobs (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE,
                  provider TEXT NOT NULL,
                  type TEXT NOT NULL,
                  authorization_name TEXT NOT NULL,
                  config_json TEXT NOT NULL,
                  interval_seconds INTEGER NOT NULL,
                  enabled INTEGER NOT NULL,
                  retry_max_attempts INTEGER,
                  retry_base_ms INTEGER,
                  retry_cap_ms INTEGER,
                  retry_max_elapsed_ms INTEGER,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL))",
             R"(CREATE TABLE job_schedule (
                  job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
                  next_run_at INTEGER,
                  next_trigger TEXT NOT NULL DEFAULT 'schedule',
                  attempt INTEGER NOT NULL DEFAULT 0,
                  first_attempt_at INTEGER,
                  last_started_at INTEGER,
                  last_ended_at INTEGER,
                  last_status TEXT,
                  last_error TEXT,
                  running_run_id INTEGER,
                  claimed_at INTEGER,
                  claimed_by TEXT))",
             R"(CREATE INDEX job_schedule_due ON job_schedule(next_run_at))",
             R"(CREATE TABLE job_state (
                  job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
                  state TEXT NOT NULL,
                  run_id INTEGER,
                  updated_at INTEGER NOT NULL))",
             R"(CREATE TABLE runs (
                  id INTEGER PRIMARY KEY,
                  job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                  job_name TEXT NOT NULL,
                  trigger TEXT NOT NULL,
                  attempt INTEGER NOT NULL,
                  status TEXT NOT NULL,
                  failure_class TEXT,
                  error TEXT,
                  started_at INTEGER NOT NULL,
                  ended_at INTEGER,
                  records_read INTEGER NOT NULL DEFAULT 0,
                  records_written INTEGER NOT NULL DEFAULT 0,
                  records_duplicate INTEGER NOT NULL DEFAULT 0,
                  records_delivered INTEGER NOT NULL DEFAULT 0,
                  records_rejected INTEGER NOT NULL DEFAULT 0,
                  checkpoints INTEGER NOT NULL DEFAULT 0,
                  checkpoint_before TEXT,
                  checkpoint_after TEXT,
                  next_attempt_at INTEGER,
                  worker TEXT NOT NULL,
                  log_lines_dropped INTEGER NOT NULL DEFAULT 0))",
             R"(CREATE INDEX runs_by_job ON runs(job_id, id))",
             R"(CREATE INDEX runs_by_status ON runs(status))",
             R"(CREATE TABLE run_log (
                  id INTEGER PRIMARY KEY,
                  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  at INTEGER NOT NULL,
                  level TEXT NOT NULL,
                  message TEXT NOT NULL))",
             R"(CREATE INDEX run_log_by_run ON run_log(run_id, id))",
             R"(CREATE TABLE stream_events (
                  id INTEGER PRIMARY KEY,
                  stream TEXT NOT NULL,
                  seq INTEGER NOT NULL,
                  natural_key TEXT,
                  event_time INTEGER NOT NULL,
                  ingested_at INTEGER NOT NULL,
                  job_id INTEGER,
                  run_id INTEGER,
                  fields_json TEXT NOT NULL,
                  UNIQUE (stream, natural_key),
                  UNIQUE (stream, seq)))",
             R"(CREATE TABLE stream_consumers (
                  consumer TEXT NOT NULL,
                  stream TEXT NOT NULL,
                  position INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL,
                  PRIMARY KEY (consumer, stream)))",
             R"(CREATE TABLE audit_log (
                  id INTEGER PRIMARY KEY,
                  at INTEGER NOT NULL,
                  actor TEXT NOT NULL,
                  action TEXT NOT NULL,
                  object_type TEXT NOT NULL,
                  object_name TEXT NOT NULL,
                  detail TEXT NOT NULL))",
             R"(CREATE TABLE audience_definitions (
                  slug TEXT PRIMARY KEY,
                  name TEXT NOT NULL,
                  filter TEXT NOT NULL,
                  created_at INTEGER NOT NULL,
                  updated_at INTEGER NOT NULL))",
         },
         {}},
        {2, "profiles: profiles, identities, builder offsets", profiles::ProfileStoreSchema::statements(), {}},
        {3, "audiences: state, memberships, membership events, export subscriptions, export outbox",
         audiences::AudienceStoreSchema::statements(), {}},
        {4, "exports: dead letters, export status", exports::ExportStoreSchema::statements(), {}},
        {5, "exports: outbox order-guard index, skip reasons", exports::ExportStoreSchema::orderGuardAndSkipReasons(), {}},
        {6, "exports: outbox ids never reused (AUTOINCREMENT)", audiences::AudienceStoreSchema::outboxIdsNeverReused(), {}},
        // The stream log was half of a profile store's bytes: the stream name
        // in every row and both indexes, a rowid and a (stream, seq) index
        // beside it, fields as JSON text. Rows are now keyed by (stream id,
        // seq) in a WITHOUT ROWID table and new fields are written in
        // StreamFieldsCodec's coded form (field names by a per-stream code);
        // rows copied here keep their JSON text, which every reader accepts.
        {7, "streams: compact stream log (stream ids, (stream, seq) key, coded binary fields)",
         {
             R"(CREATE TABLE streams (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE))",
             R"(INSERT INTO streams (name) SELECT DISTINCT stream FROM stream_events ORDER BY stream)",
             R"(CREATE TABLE stream_events_compact (
                  stream_id INTEGER NOT NULL,
                  seq INTEGER NOT NULL,
                  natural_key TEXT,
                  event_time INTEGER NOT NULL,
                  ingested_at INTEGER NOT NULL,
                  job_id INTEGER,
                  run_id INTEGER,
                  fields BLOB NOT NULL,
                  PRIMARY KEY (stream_id, seq)) WITHOUT ROWID)",
             R"(INSERT INTO stream_events_compact (stream_id, seq, natural_key, event_time, ingested_at, job_id, run_id, fields)
                SELECT s.id, e.seq, e.natural_key, e.event_time, e.ingested_at, e.job_id, e.run_id, e.fields_json
                FROM stream_events e JOIN streams s ON s.name = e.stream)",
             R"(DROP TABLE stream_events)",
             R"(ALTER TABLE stream_events_compact RENAME TO stream_events)",
             R"(CREATE UNIQUE INDEX stream_events_by_key ON stream_events(stream_id, natural_key))",
             R"(CREATE TABLE stream_field_names (
                  stream_id INTEGER NOT NULL,
                  code INTEGER NOT NULL,
                  name TEXT NOT NULL,
                  PRIMARY KEY (stream_id, code),
                  UNIQUE (stream_id, name)))",
         },
         PostgresSchema::baseline()},
        // A job run's claim expires unless its worker renews it (JobRunner):
        // a worker on another machine that died leaves a claim the others
        // take over once it expired, instead of one that blocks the job forever.
        {8, "runtime: job run leases (job_schedule.lease_expires_at)",
         {R"(ALTER TABLE job_schedule ADD COLUMN lease_expires_at INTEGER)"},
         {R"(ALTER TABLE job_schedule ADD COLUMN lease_expires_at BIGINT)"}},
    };
    return migrations;
}

int Migrations::latest() { return all().empty() ? 0 : all().back().version; }

} // namespace jobhost::host
