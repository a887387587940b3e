// jobhost host — Store.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/Store.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>
#include <Poco/Data/Transaction.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Timestamp.h>

#include "app/HostException.h"
#include "store/Migrations.h"
#include "store/StoreFaultHint.h"
#include "util/ChaosHook.h"

namespace jobhost::host {
namespace {

using namespace Poco::Data::Keywords;

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

/// Migrations of PostgreSQL stores run under this advisory lock ("jobhost" in
/// ASCII), so workers starting together on an empty database take turns.
constexpr Poco::Int64 kMigrationLock = 0x6a6f62686f7374;

/// A libpq message with any trace of the password removed (libpq does not
/// echo it, but a message is no place to find out).
std::string withoutPassword(std::string message, const StoreLocation& location) {
    while (!message.empty() && (std::isspace(static_cast<unsigned char>(message.back())) || message.back() == '.')) message.pop_back();
    const std::string connection = location.connectionString();
    const std::size_t at = connection.find(" password='");
    if (at == std::string::npos) return message;
    const std::size_t start = at + 11, end = connection.find("' ", start);
    const std::string quoted = connection.substr(start, end == std::string::npos ? connection.size() - start - 1 : end - start);
    for (std::size_t i; !quoted.empty() && (i = message.find(quoted)) != std::string::npos;) message.replace(i, quoted.size(), "***");
    return message;
}

[[noreturn]] void unusable(const std::string& file, const std::string& reason) {
    std::string hint = StoreFaultHint::forMessage(file, reason);
    // SQLite says only "unable to open database file" when it cannot write the
    // -shm/-wal files of a read-only folder or file system: ask the OS.
    const std::string folder = Poco::Path(file).parent().toString();
    if (hint.empty() && ((::access(file.c_str(), W_OK) != 0 && (errno == EROFS || errno == EACCES)) ||
                         (::access(folder.empty() ? "." : folder.c_str(), W_OK) != 0 && (errno == EROFS || errno == EACCES))))
        hint = StoreFaultHint::forMessage(file, "read-only file system");
    if (!hint.empty()) throw StoreException(hint + " (SQLite: " + reason + ")");
    throw StoreException(file + ": cannot open the jobhost store: " + reason +
                         ". The file is not a jobhost SQLite store or it is damaged; restore it from a backup, "
                         "or move it aside to start with an empty store");
}

/// SQLite update hook: every row written through a store connection is a
/// chaos point "write:<table>" (only installed while ChaosHook is armed).
void chaosWriteHook(void*, int, const char*, const char* table, sqlite3_int64) {
    ChaosHook::reach(std::string("write:") + (table ? table : "?"));
}

} // namespace

Store::Store(std::string file, int busyTimeoutMs) : Store(StoreLocation::sqliteFile(std::move(file)), busyTimeoutMs) {}

Store::Store(StoreLocation location, int busyTimeoutMs) : _location(std::move(location)), _busyTimeoutMs(busyTimeoutMs) {
    registerConnectors();
    if (!_location.isPostgres()) prepareFile();
    migrate();
}

const SqlDialect& Store::dialect() const {
    return _location.isPostgres() ? SqlDialect::postgresql() : SqlDialect::sqlite();
}

void Store::prepareFile() {
    const std::string& file = _location.file();
    Poco::Path path(file);
    Poco::File folder(path.parent());
    if (!path.parent().toString().empty() && !folder.exists()) {
        try {
            folder.createDirectories();
            ::chmod(folder.path().c_str(), 0700);
        } catch (const Poco::Exception& e) {
            throw StoreException(file + ": cannot create the store folder: " + e.displayText());
        }
    }
    // Run data and sealed secrets: owner only. The file is created 0600 before
    // SQLite opens it (SQLite gives -wal/-shm the same mode), so a crash during
    // the first migration cannot leave it readable by others.
    if (!Poco::File(file).exists()) {
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) ::close(fd); // EEXIST: another process created it first
    }
}

std::string Store::defaultFile(const std::string& dataDirectory) {
    return Poco::Path(Poco::Path(dataDirectory).makeDirectory(), "jobhost.db").toString();
}

Poco::Data::Session Store::openSession() const {
    return _location.isPostgres() ? openPostgresSession() : openSqliteSession();
}

Poco::Data::Session Store::openPostgresSession() const {
    const std::size_t loginSeconds = static_cast<std::size_t>(std::max(1, (_busyTimeoutMs + 999) / 1000));
    std::string connection = _location.connectionString(); // a connect_timeout in the URL's query wins
    if (connection.find(" connect_timeout=") == std::string::npos) connection += " connect_timeout=" + std::to_string(loginSeconds);
    const auto refused = [this](const std::string& reason) {
        return StoreException(_location.display() + ": cannot connect to the PostgreSQL store: " + withoutPassword(reason, _location) +
                              ". Check that the server runs, that the database exists (createdb) and that the user may log in");
    };
    // Poco 1.11's SessionHandle::connect never PQfinish()es a connection that
    // failed (about 35 KB lost per attempt: a worker retrying an outage would
    // grow without bound), so libpq is asked first and the failure is ours to
    // free. The probe costs one extra login per session; the Poco session
    // below fails only if the server goes away between the two.
    PGconn* pProbe = ::PQconnectdb(connection.c_str());
    if (pProbe == nullptr) throw refused("libpq is out of memory");
    if (::PQstatus(pProbe) != CONNECTION_OK) {
        const std::string reason = ::PQerrorMessage(pProbe);
        ::PQfinish(pProbe);
        throw refused(reason);
    }
    ::PQfinish(pProbe);
    try {
        return Poco::Data::Session("postgresql", connection, loginSeconds);
    } catch (const Poco::Exception& e) {
        throw refused(e.displayText());
    }
}

Poco::Data::Session Store::openSqliteSession() const {
    const std::string& file = _location.file();
    try {
        Poco::Data::Session session("SQLite", file);
        int timeout = _busyTimeoutMs;
        session << "PRAGMA busy_timeout = " + std::to_string(timeout), now; // integer from code, not input
        session << "PRAGMA foreign_keys = ON", now;
        session << "PRAGMA synchronous = NORMAL", now;
        // Page cache: SQLite's default 2 MB is a fiftieth of a million-event
        // store's profile and identity tables, so the builder's random
        // profile updates read most pages back from the OS (pread + copy).
        // Grown on use, so sessions that read little stay small.
        session << "PRAGMA cache_size = -32768", now; // KiB: 32 MB
        // Checkpoint every 32 MB of WAL instead of 4 MB: a builder batch on
        // a big store dirties thousands of pages, and pages dirtied again by
        // the next batches are copied into the database once, not each time.
        session << "PRAGMA wal_autocheckpoint = 8192", now; // pages
        if (ChaosHook::armed()) ::sqlite3_update_hook(Poco::Data::SQLite::Utility::dbHandle(session), &chaosWriteHook, nullptr);
        return session;
    } catch (const Poco::Exception& e) {
        unusable(file, e.displayText());
    }
}

int Store::readSchemaVersion(Poco::Data::Session& session) {
    int tables = 0;
    if (SqlDialect::of(session).isPostgres())
        session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
            into(tables), now;
    else
        session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", into(tables), now;
    if (tables == 0) return 0;
    Poco::Nullable<int> version;
    session << "SELECT MAX(version) FROM schema_migrations", into(version), now;
    return version.isNull() ? 0 : version.value();
}

int Store::schemaVersion() const {
    Poco::Data::Session session = openSession();
    return readSchemaVersion(session);
}

void Store::migrate() {
    const std::string where = _location.display();
    const bool postgres = _location.isPostgres();
    int found = 0;
    Poco::Data::Session session = openSession();
    try {
        if (postgres) {
            session << "SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")", now; // a constant, not input
        } else {
            std::string mode;
            session << "PRAGMA journal_mode = WAL", into(mode), now;
        }
        found = readSchemaVersion(session);
        if (found == 0) {
            // schema_migrations alone (a first start killed before migration 1
            // committed) is still an empty store.
            int otherTables = 0;
            if (postgres)
                session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                           "AND table_name <> 'schema_migrations'",
                    into(otherTables), now;
            else
                session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations'",
                    into(otherTables), now;
            if (otherTables > 0) {
                if (postgres)
                    throw StoreException(where + ": the PostgreSQL database has tables but no jobhost schema table; "
                                                 "give jobhost a database of its own (createdb)");
                unusable(_location.file(), "it is a SQLite database without a jobhost schema table");
            }
            session << (postgres ? "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
                                 : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"),
                now;
        }
        if (found > Migrations::latest())
            throw StoreException(where + ": store schema version " + std::to_string(found) +
                                 " is newer than this jobhost binary supports (schema version " +
                                 std::to_string(Migrations::latest()) + ", jobhost " JOBHOST_VERSION
                                 "); run the newer jobhost that wrote it, or restore a backup taken before the upgrade");
        const SqlDialect& sql = dialect();
        for (const Migration& migration : Migrations::all()) {
            if (migration.version <= found) continue;
            Poco::Data::Transaction transaction(session);
            for (const std::string& statement : postgres ? migration.postgresStatements : migration.statements) {
                ChaosHook::reach("migration"); // inside the migration transaction
                session << statement, now;
            }
            Poco::Int64 at = Poco::Timestamp().epochMicroseconds() / 1000;
            int version = migration.version;
            std::string name = migration.name;
            session << sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"), use(version), use(name),
                use(at), now;
            transaction.commit();
        }
        if (postgres) session << "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")", now;
    } catch (const StoreException&) {
        throw; // the session's end releases the advisory lock
    } catch (const Poco::Exception& e) {
        if (postgres) throw StoreException(where + ": cannot migrate the PostgreSQL store: " + withoutPassword(e.displayText(), _location));
        unusable(_location.file(), e.displayText());
    }
}

} // namespace jobhost::host
