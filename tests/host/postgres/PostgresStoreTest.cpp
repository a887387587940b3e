// tests/host/postgres — PostgresStoreTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostgresStoreTest.h"

#include "TestDatabases.h"
#include "jobhost/testing/PostgresServer.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/TemporaryFile.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "app/HostException.h"
#include "store/Migrations.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

using namespace Poco::Data::Keywords;

namespace jobhost::tests {
namespace {

using testing::PostgresServer;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using postgres::locationOf;
using postgres::server;

std::string freshDatabase() { return postgres::freshDatabase("store_test"); }

std::string storeError(const host::StoreLocation& location) {
    try {
        host::Store store(location, 2000);
    } catch (const host::StoreException& e) {
        return e.message();
    }
    return "(opened)";
}

} // namespace

void PostgresStoreTest::testFreshDatabaseGetsTheLatestSchema() {
    const auto location = locationOf(freshDatabase());
    host::Store store(location);
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), store.schemaVersion());
    CPPUNIT_ASSERT(store.dialect().isPostgres());
    CPPUNIT_ASSERT(store.file().empty());
    Poco::Data::Session session = store.openSession();
    int versions = 0;
    session << "SELECT COUNT(*) FROM schema_migrations", into(versions), now;
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), versions);
    // Every table and column of a SQLite store at the same version, in order.
    std::vector<std::string> pgColumns, sqliteColumns;
    session << "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema() "
               "ORDER BY table_name, ordinal_position",
        into(pgColumns), now;
    Poco::TemporaryFile folder;
    folder.createDirectories();
    host::Store sqlite(folder.path() + "/jobhost.db");
    Poco::Data::Session lite = sqlite.openSession();
    lite << "SELECT m.name || '.' || c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c "
            "WHERE m.type = 'table' AND m.name <> 'sqlite_sequence' ORDER BY m.name, c.cid",
        into(sqliteColumns), now;
    CPPUNIT_ASSERT(sqliteColumns.size() > 150);
    CPPUNIT_ASSERT_EQUAL(sqliteColumns.size(), pgColumns.size());
    for (std::size_t i = 0; i < pgColumns.size(); ++i) CPPUNIT_ASSERT_EQUAL(sqliteColumns[i], pgColumns[i]);
    host::Store again(location); // reopening migrates nothing
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), again.schemaVersion());
}

void PostgresStoreTest::testNewerSchemaIsRefusedLikeOnSqlite() {
    const auto location = locationOf(freshDatabase());
    {
        host::Store store(location);
        Poco::Data::Session session = store.openSession();
        session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, 'future', 0)",
            bind(host::Migrations::latest() + 1), now;
    }
    const std::string message = storeError(location);
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, location.display() + ": store schema version " +
                                                          std::to_string(host::Migrations::latest() + 1) +
                                                          " is newer than this jobhost binary supports (schema version " +
                                                          std::to_string(host::Migrations::latest())));
    CPPUNIT_ASSERT(contains(message, "run the newer jobhost that wrote it"));
}

void PostgresStoreTest::testDatabaseOfOtherTablesIsRefused() {
    const std::string database = freshDatabase();
    {
        Poco::Data::Session session("postgresql", server().connectionString() + " dbname=" + database);
        session << "CREATE TABLE invoices (id BIGINT PRIMARY KEY)", now;
    }
    const std::string message = storeError(locationOf(database));
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, "has tables but no jobhost schema table"));
    Poco::Data::Session session("postgresql", server().connectionString() + " dbname=" + database);
    int tables = 0;
    session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()", into(tables), now;
    CPPUNIT_ASSERT_EQUAL(1, tables); // nothing created beside it
}

void PostgresStoreTest::testUnreachableServerIsNamedWithoutThePassword() {
    int port = 0;
    {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = probe.address().port(); // closed again: nothing listens there
    }
    const auto location = host::StoreLocation::parse("postgresql://jobs:CANARY-pw@127.0.0.1:" + std::to_string(port) + "/jobhost");
    const std::string message = storeError(location);
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, "postgresql://jobs@127.0.0.1:" + std::to_string(port) +
                                                          "/jobhost: cannot connect to the PostgreSQL store"));
    CPPUNIT_ASSERT_MESSAGE(message, contains(message, "Check that the server runs"));
    CPPUNIT_ASSERT_MESSAGE(message, !contains(message, "CANARY"));
}

void PostgresStoreTest::testWorkersStartingTogetherMigrateOnce() {
    const auto location = locationOf(freshDatabase());
    std::atomic<int> opened{0};
    std::vector<std::string> errors(4);
    std::vector<std::thread> workers;
    for (int i = 0; i < 4; ++i)
        workers.emplace_back([&, i] {
            try {
                host::Store store(location);
                if (store.schemaVersion() == host::Migrations::latest()) ++opened;
            } catch (const std::exception& e) {
                errors[i] = e.what();
            }
        });
    for (auto& w : workers) w.join();
    for (const auto& e : errors) CPPUNIT_ASSERT_EQUAL(std::string(), e);
    CPPUNIT_ASSERT_EQUAL(4, opened.load());
    host::Store store(location);
    Poco::Data::Session session = store.openSession();
    int rows = 0, distinct = 0;
    session << "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations", into(rows), into(distinct), now;
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), rows);
    CPPUNIT_ASSERT_EQUAL(host::Migrations::latest(), distinct);
}

void PostgresStoreTest::testConcurrentAppendsToOneStreamTakeTurns() {
    host::Store store(locationOf(freshDatabase()));
    constexpr int kBatches = 20, kPerBatch = 50;
    std::vector<std::string> errors(2);
    std::vector<std::size_t> inserted(2, 0);
    std::vector<std::thread> writers;
    for (int w = 0; w < 2; ++w)
        writers.emplace_back([&, w] {
            try {
                Poco::Data::Session session = store.openSession();
                host::StreamRepository streams(session);
                for (int b = 0; b < kBatches; ++b) {
                    std::vector<host::StreamEvent> events;
                    for (int i = 0; i < kPerBatch; ++i) {
                        host::StreamEvent e;
                        e.stream = "activity";
                        // Both writers send the same keys: each key is stored once.
                        e.naturalKey = std::to_string(b) + ":" + std::to_string(i);
                        e.fields = host::StreamFieldsCodec::encode({{"writer" + std::to_string(w) + "_" + std::to_string(i % 7), "v"}});
                        events.push_back(e);
                    }
                    Poco::Data::Transaction transaction(session);
                    inserted[w] += streams.appendAll(events);
                    transaction.commit();
                }
            } catch (const Poco::Exception& e) {
                errors[w] = e.displayText();
            } catch (const std::exception& e) {
                errors[w] = e.what();
            }
        });
    for (auto& w : writers) w.join();
    for (const auto& e : errors) CPPUNIT_ASSERT_EQUAL(std::string(), e);
    CPPUNIT_ASSERT_EQUAL(std::size_t(kBatches * kPerBatch), inserted[0] + inserted[1]);
    Poco::Data::Session session = store.openSession();
    host::StreamRepository streams(session);
    const auto events = streams.readAfter("activity", 0, 100000);
    CPPUNIT_ASSERT_EQUAL(std::size_t(kBatches * kPerBatch), events.size());
    for (std::size_t i = 0; i < events.size(); ++i) CPPUNIT_ASSERT_EQUAL(Poco::Int64(i + 1), events[i].seq);
    int names = 0;
    session << "SELECT COUNT(*) FROM stream_field_names", into(names), now;
    CPPUNIT_ASSERT_EQUAL(14, names); // 7 per writer, each once
}

} // namespace jobhost::tests
