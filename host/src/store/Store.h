// jobhost host — Store.h
// The host's store: an embedded SQLite file (WAL mode) or a PostgreSQL
// database, with versioned migrations.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include "store/StoreLocation.h"

namespace jobhost::host {

/// Opens (creating when absent) the store and brings its schema to
/// Migrations::latest(). Repositories work on a Poco::Data::Session that
/// openSession() hands out: a session is one connection (SQLite or
/// PostgreSQL) and must be used by one thread at a time, so every thread
/// (worker, CLI verb) opens its own; SqlDialect::of(session) gives its SQL.
/// The Store object itself is immutable after construction and thread-safe.
class Store {
public:
    /// Default busy timeout: how long a connection waits for another
    /// connection's write lock before failing.
    static constexpr int DefaultBusyTimeoutMs = 10000;

    /// Opens `file`, creating the folder (mode 0700) and the file (mode 0600) when absent,
    /// switches to WAL and applies pending migrations, each in its own
    /// transaction. Throws StoreException naming the file when it is not a
    /// SQLite database or is damaged, when it is a SQLite file without the
    /// jobhost schema table but with other tables, and when its schema
    /// version is newer than this binary knows (message names both versions
    /// and the fix).
    explicit Store(std::string file, int busyTimeoutMs = DefaultBusyTimeoutMs);

    /// A SQLite file as above, or a PostgreSQL database: it must exist (the
    /// store creates its tables, not the database). Several processes may
    /// open one PostgreSQL store at once; the first applies the migrations
    /// (under an advisory lock) and the others wait for it. Throws
    /// StoreException naming the location (never its password) when the
    /// server cannot be reached or refuses the login, when the database has
    /// tables but no jobhost schema table, and when its schema is newer than
    /// this binary knows (the same message as for SQLite).
    explicit Store(StoreLocation location, int busyTimeoutMs = DefaultBusyTimeoutMs);

    /// `<dataDirectory>/jobhost.db`.
    static std::string defaultFile(const std::string& dataDirectory);

    /// A new connection. SQLite: foreign keys on, the busy timeout set and
    /// synchronous=NORMAL (durable across process crashes in WAL mode).
    /// PostgreSQL: a libpq connection (login timeout: the busy timeout).
    /// Throws StoreException naming the location on failure.
    Poco::Data::Session openSession() const;

    /// The schema version recorded in the file (== Migrations::latest() after
    /// construction).
    int schemaVersion() const;
    /// The SQLite file; "" for PostgreSQL.
    const std::string& file() const { return _location.file(); }
    const StoreLocation& location() const { return _location; }
    /// The file, or the PostgreSQL URL without its password: for messages.
    std::string display() const { return _location.display(); }
    const SqlDialect& dialect() const;

    /// Version recorded in an open session's schema table; 0 when the table
    /// does not exist yet.
    static int readSchemaVersion(Poco::Data::Session& session);

private:
    void prepareFile();
    void migrate();
    Poco::Data::Session openSqliteSession() const;
    Poco::Data::Session openPostgresSession() const;

    StoreLocation _location;
    int _busyTimeoutMs;
};

} // namespace jobhost::host
