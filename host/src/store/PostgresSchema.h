// jobhost host — PostgresSchema.h
// The store's schema in PostgreSQL's DDL, as of the version PostgreSQL stores begin at.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host {

/// PostgreSQL stores begin at schema 7: no PostgreSQL store predates it, so
/// migrations 1-6 have no PostgreSQL form and migration 7 creates the whole
/// schema at once. Tables, columns, keys and indexes are those the SQLite
/// migrations 1-7 leave; only types differ (BIGINT for every integer — times
/// are milliseconds; BYTEA for bytes; generated ids are identity columns,
/// which, like the outbox's AUTOINCREMENT, never reuse an id). Migrations
/// from 8 on give both forms. Stateless.
class PostgresSchema {
public:
    static const std::vector<std::string>& baseline();
};

} // namespace jobhost::host
