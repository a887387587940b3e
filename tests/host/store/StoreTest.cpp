// tests/host/store — StoreTest.cpp
// Opening, migrating and refusing store files.
// SPDX-License-Identifier: Apache-2.0
#include "StoreTest.h"

#include <fstream>

#include <Poco/Data/SQLite/Connector.h>

#include "TempDirectory.h"
#include "app/HostException.h"
#include "store/Migrations.h"
#include "store/Store.h"

namespace jobhost::tests {
namespace {

using namespace Poco::Data::Keywords;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

void StoreTest::testFreshFileIsMigratedInWalMode() {
    TempDirectory dir;
    host::Store store(dir.file("data/jobhost.db"));
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), store.schemaVersion());
    Poco::Data::Session session = store.openSession();
    std::string mode;
    session << "PRAGMA journal_mode", into(mode), now;
    CPPUNIT_ASSERT_EQUAL(std::string("wal"), mode);
    int busy = 0;
    session << "PRAGMA busy_timeout", into(busy), now;
    CPPUNIT_ASSERT_EQUAL(host::Store::DefaultBusyTimeoutMs, busy);
    for (std::string table : {"authorizations", "jobs", "job_schedule", "job_state", "runs", "run_log", "stream_events", "stream_consumers",
                              "audit_log", "audience_definitions"}) {
        int n = 0;
        session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", use(table), into(n), now;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(table, 1, n);
    }
}

void StoreTest::testReopenKeepsDataAndVersion() {
    TempDirectory dir;
    std::string file = dir.file("jobhost.db");
    {
        host::Store store(file);
        Poco::Data::Session session = store.openSession();
        session << "INSERT INTO audit_log (at, actor, action, object_type, object_name, detail) VALUES (1, 'a', 'create', 'job', 'j', '{}')", now;
    }
    host::Store again(file);
    Poco::Data::Session session = again.openSession();
    int rows = 0, migrations = 0;
    session << "SELECT COUNT(*) FROM audit_log", into(rows), now;
    session << "SELECT COUNT(*) FROM schema_migrations", into(migrations), now;
    CPPUNIT_ASSERT_EQUAL(1, rows);
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), migrations);
}

void StoreTest::testNewerSchemaIsRefusedWithBothVersions() {
    TempDirectory dir;
    std::string file = dir.file("jobhost.db");
    int future = host::Migrations::latest() + 5;
    {
        host::Store store(file);
        Poco::Data::Session session = store.openSession();
        session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', 0)", use(future), now;
    }
    try {
        host::Store refused(file);
        CPPUNIT_FAIL("a newer schema must be refused");
    } catch (const host::StoreException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), file + ": store schema version " + std::to_string(future) + " is newer"));
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), "(schema version " + std::to_string(host::Migrations::latest())));
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), "run the newer jobhost"));
    }
}

void StoreTest::testCorruptFileGivesClearError() {
    TempDirectory dir;
    std::string file = dir.file("jobhost.db");
    std::ofstream(file) << std::string(4096, 'x');
    try {
        host::Store refused(file);
        CPPUNIT_FAIL("a corrupt file must be refused");
    } catch (const host::StoreException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), file + ": cannot open the jobhost store"));
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), "not a database"));
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), "restore it from a backup"));
    }
}

void StoreTest::testForeignSqliteFileIsRefused() {
    TempDirectory dir;
    std::string file = dir.file("other.db");
    {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session session("SQLite", file);
        session << "CREATE TABLE something (x INTEGER)", now;
    }
    try {
        host::Store refused(file);
        CPPUNIT_FAIL("a foreign SQLite file must be refused");
    } catch (const host::StoreException& e) {
        CPPUNIT_ASSERT_MESSAGE(e.message(), contains(e.message(), "without a jobhost schema table"));
    }
}

void StoreTest::testMigrationsAreNumberedWithoutGaps() {
    int expected = 1;
    for (const auto& migration : host::Migrations::all()) {
        CPPUNIT_ASSERT_EQUAL(expected++, migration.version);
        CPPUNIT_ASSERT(!migration.statements.empty());
    }
}

} // namespace jobhost::tests
