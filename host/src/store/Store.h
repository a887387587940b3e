// jobhost host — Store.h
// The host's SQLite store: one file, WAL mode, versioned migrations.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <Poco/Data/Session.h>

namespace jobhost::host {

/// Opens (creating when absent) the store file and brings its schema to
/// Migrations::latest(). Repositories work on a Poco::Data::Session that
/// openSession() hands out: a session is one SQLite connection and must be
/// used by one thread at a time, so every thread (worker, CLI verb) opens its
/// own. The Store object itself is immutable after construction and
/// thread-safe.
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

    /// `<dataDirectory>/jobhost.db`.
    static std::string defaultFile(const std::string& dataDirectory);

    /// A new connection with foreign keys on, the busy timeout set and
    /// synchronous=NORMAL (durable across process crashes in WAL mode).
    /// Throws StoreException naming the file on failure.
    Poco::Data::Session openSession() const;

    /// The schema version recorded in the file (== Migrations::latest() after
    /// construction).
    int schemaVersion() const;
    const std::string& file() const { return _file; }

    /// Version recorded in an open session's schema table; 0 when the table
    /// does not exist yet.
    static int readSchemaVersion(Poco::Data::Session& session);

private:
    void migrate();

    std::string _file;
    int _busyTimeoutMs;
};

} // namespace jobhost::host
