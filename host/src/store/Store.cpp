// jobhost host — Store.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/Store.h"

#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

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

void registerSqlite() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
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

Store::Store(std::string file, int busyTimeoutMs) : _file(std::move(file)), _busyTimeoutMs(busyTimeoutMs) {
    registerSqlite();
    Poco::Path path(_file);
    Poco::File folder(path.parent());
    if (!path.parent().toString().empty() && !folder.exists()) {
        try {
            folder.createDirectories();
            ::chmod(folder.path().c_str(), 0700);
        } catch (const Poco::Exception& e) {
            throw StoreException(_file + ": cannot create the store folder: " + e.displayText());
        }
    }
    // Run data and sealed secrets: owner only. The file is created 0600 before
    // SQLite opens it (SQLite gives -wal/-shm the same mode), so a crash during
    // the first migration cannot leave it readable by others.
    if (!Poco::File(_file).exists()) {
        const int fd = ::open(_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) ::close(fd); // EEXIST: another process created it first
    }
    migrate();
}

std::string Store::defaultFile(const std::string& dataDirectory) {
    return Poco::Path(Poco::Path(dataDirectory).makeDirectory(), "jobhost.db").toString();
}

Poco::Data::Session Store::openSession() const {
    try {
        Poco::Data::Session session("SQLite", _file);
        int timeout = _busyTimeoutMs;
        session << "PRAGMA busy_timeout = " + std::to_string(timeout), now; // integer from code, not input
        session << "PRAGMA foreign_keys = ON", now;
        session << "PRAGMA synchronous = NORMAL", now;
        if (ChaosHook::armed()) ::sqlite3_update_hook(Poco::Data::SQLite::Utility::dbHandle(session), &chaosWriteHook, nullptr);
        return session;
    } catch (const Poco::Exception& e) {
        unusable(_file, e.displayText());
    }
}

int Store::readSchemaVersion(Poco::Data::Session& session) {
    int tables = 0;
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
    int found = 0;
    try {
        Poco::Data::Session session = openSession();
        std::string mode;
        session << "PRAGMA journal_mode = WAL", into(mode), now;
        found = readSchemaVersion(session);
        if (found == 0) {
            // schema_migrations alone (a first start killed before migration 1
            // committed) is still an empty store.
            int otherTables = 0;
            session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations'", into(otherTables),
                now;
            if (otherTables > 0) unusable(_file, "it is a SQLite database without a jobhost schema table");
            session << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
                now;
        }
        if (found > Migrations::latest())
            throw StoreException(_file + ": store schema version " + std::to_string(found) +
                                 " is newer than this jobhost binary supports (schema version " +
                                 std::to_string(Migrations::latest()) + ", jobhost " JOBHOST_VERSION
                                 "); run the newer jobhost that wrote it, or restore a backup taken before the upgrade");
        for (const Migration& migration : Migrations::all()) {
            if (migration.version <= found) continue;
            Poco::Data::Transaction transaction(session);
            for (const std::string& sql : migration.statements) {
                ChaosHook::reach("migration"); // inside the migration transaction
                session << sql, now;
            }
            Poco::Int64 at = Poco::Timestamp().epochMicroseconds() / 1000;
            int version = migration.version;
            std::string name = migration.name;
            session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", use(version), use(name), use(at), now;
            transaction.commit();
        }
    } catch (const StoreException&) {
        throw;
    } catch (const Poco::Exception& e) {
        unusable(_file, e.displayText());
    }
}

} // namespace jobhost::host
