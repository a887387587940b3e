// jobhost host — StoreLocation.h
// Where the store lives: an embedded SQLite file or a PostgreSQL database.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "store/SqlDialect.h"

namespace jobhost::host {

/// A parsed `--store` / $JOBHOST_STORE / config `store` value. Plain value.
///
///  * `postgresql://user[:password]@host[:port]/database[?key=value&…]`
///    (also `postgres://`): a PostgreSQL database. Parts are percent-decoded;
///    query keys are libpq connection keywords (sslmode, connect_timeout, …)
///    passed through as given. Port defaults to 5432. Without a password in
///    the URL libpq's own sources apply (PGPASSWORD, ~/.pgpass).
///  * anything else: the path of a SQLite file.
///
/// The password never leaves this object except in connectionString(), which
/// only the store hands to the connector: display() shows the URL without it,
/// and every message built here uses display().
class StoreLocation {
public:
    /// Throws ConfigException naming `where` (e.g. "--store") and what is
    /// wrong (no host, no database, a bad port, …) for a malformed URL, and
    /// for an empty value.
    static StoreLocation parse(const std::string& value, const std::string& where = "--store");
    static StoreLocation sqliteFile(std::string file);

    SqlDialect::Engine engine() const { return _engine; }
    bool isPostgres() const { return _engine == SqlDialect::Engine::PostgreSQL; }
    /// The SQLite file ("" for PostgreSQL).
    const std::string& file() const { return _file; }
    /// libpq keywords for Poco's connector: "host='h' port='5432' user='u' dbname='d' …"
    /// (values quoted and escaped). Holds the password: never log it.
    std::string connectionString() const;
    /// For messages and logs: the file, or the URL without its password.
    std::string display() const;

    const std::string& host() const { return _host; }
    int port() const { return _port; }
    const std::string& user() const { return _user; }
    const std::string& database() const { return _database; }

private:
    SqlDialect::Engine _engine = SqlDialect::Engine::SQLite;
    std::string _file;
    std::string _host, _user, _password, _database;
    int _port = 5432;
    std::string _options; // "key='value' …" from the query
    std::string _query;   // the query as given, for display()
};

} // namespace jobhost::host
