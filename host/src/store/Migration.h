// jobhost host — Migration.h
// One versioned, append-only schema step of the store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host {

/// A schema step: a version number (1, 2, 3, ... without gaps), a short name
/// and the DDL statements it runs, in order, inside one transaction — for
/// SQLite in `statements`, for PostgreSQL in `postgresStatements` (empty for
/// 1-6: PostgreSQL stores begin at 7, whose PostgreSQL form is the whole
/// schema, PostgresSchema::baseline()). Plain value; migrations are never
/// edited once released — add a new one instead, with both forms.
struct Migration {
    int version = 0;
    std::string name;
    std::vector<std::string> statements;
    std::vector<std::string> postgresStatements;
};

} // namespace jobhost::host
