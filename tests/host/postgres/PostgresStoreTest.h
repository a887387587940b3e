// tests/host/postgres — PostgresStoreTest.h
// host::Store on PostgreSQL: what only that engine has (a server to reach,
// a database shared by several processes, other tables in the database).
// The repository tests run on both engines (jobhost_store_tests_postgresql).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class PostgresStoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostgresStoreTest);
    CPPUNIT_TEST(testFreshDatabaseGetsTheLatestSchema);
    CPPUNIT_TEST(testNewerSchemaIsRefusedLikeOnSqlite);
    CPPUNIT_TEST(testDatabaseOfOtherTablesIsRefused);
    CPPUNIT_TEST(testUnreachableServerIsNamedWithoutThePassword);
    CPPUNIT_TEST(testWorkersStartingTogetherMigrateOnce);
    CPPUNIT_TEST(testConcurrentAppendsToOneStreamTakeTurns);
    CPPUNIT_TEST_SUITE_END();

public:
    void testFreshDatabaseGetsTheLatestSchema();
    void testNewerSchemaIsRefusedLikeOnSqlite();
    void testDatabaseOfOtherTablesIsRefused();
    void testUnreachableServerIsNamedWithoutThePassword();
    /// Four threads open one empty database at once: every open succeeds and
    /// each migration is recorded once (the advisory lock).
    void testWorkersStartingTogetherMigrateOnce();
    /// Two sessions append to one stream in overlapping transactions: seqs
    /// stay 1..n without gaps or duplicates, each event once.
    void testConcurrentAppendsToOneStreamTakeTurns();
};

} // namespace jobhost::tests
