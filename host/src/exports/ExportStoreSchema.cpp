// jobhost host — ExportStoreSchema.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/ExportStoreSchema.h"

namespace jobhost::host::exports {

const std::vector<std::string>& ExportStoreSchema::statements() {
    static const std::vector<std::string> ddl{
        // A change the remote refused for good (or whose retries ran out),
        // with the snapshot it carried; replay re-queues it.
        R"(CREATE TABLE export_dead_letters (
             id INTEGER PRIMARY KEY,
             job TEXT NOT NULL,
             outbox_id INTEGER NOT NULL,
             audience TEXT NOT NULL,
             profile_id INTEGER NOT NULL,
             event TEXT NOT NULL,
             at INTEGER NOT NULL,
             profile_json TEXT NOT NULL,
             reason TEXT NOT NULL,
             attempts INTEGER NOT NULL,
             created_at INTEGER NOT NULL))",
        R"(CREATE INDEX export_dead_letters_by_job ON export_dead_letters(job, id))",
        // Running totals per export job, written with each batch's results.
        R"(CREATE TABLE export_status (
             job TEXT PRIMARY KEY,
             batches INTEGER NOT NULL DEFAULT 0,
             delivered INTEGER NOT NULL DEFAULT 0,
             skipped INTEGER NOT NULL DEFAULT 0,
             retried INTEGER NOT NULL DEFAULT 0,
             rejected INTEGER NOT NULL DEFAULT 0,
             last_batch_at INTEGER,
             last_error TEXT NOT NULL DEFAULT '',
             updated_at INTEGER NOT NULL))",
    };
    return ddl;
}

const std::vector<std::string>& ExportStoreSchema::orderGuardAndSkipReasons() {
    static const std::vector<std::string> ddl{
        // "Is there an older row of this profile?" for every candidate row of
        // a batch: the order guard, answered from the store after a restart.
        R"(CREATE INDEX export_outbox_by_profile ON export_outbox(job, profile_id, id))",
        // Skipped items per job and reason (e.g. "remove_on_exit is off",
        // a recipient who opted out of all mail), next to export_status.
        R"(CREATE TABLE export_skip_reasons (
             job TEXT NOT NULL,
             reason TEXT NOT NULL,
             count INTEGER NOT NULL,
             PRIMARY KEY (job, reason)) WITHOUT ROWID)",
    };
    return ddl;
}

} // namespace jobhost::host::exports
