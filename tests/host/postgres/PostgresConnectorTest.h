// tests/host/postgres — PostgresConnectorTest.h
// Poco::Data's PostgreSQL connector ("postgresql") against a real server:
// bound values round-trip exactly, an empty BLOB is bound as NULL (Poco
// 1.11), and its placeholders are $1, $2, ...
//
// Not tested here because it aborts the runner, but a store engine must know:
// in Poco 1.11 a Statement that executed once and then fails to execute (say,
// a duplicate key) double-frees its PGresult when destroyed ("free(): double
// free detected"): StatementExecutor::clearResults() PQclears the old result
// without forgetting it. A statement whose first execution fails is safe:
// re-execute a Statement only where that cannot fail, else build a new one.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class PostgresConnectorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostgresConnectorTest);
    CPPUNIT_TEST(testBoundRowsRoundTripExactly);
    CPPUNIT_TEST(testEmptyBlobIsBoundAsNull);
    CPPUNIT_TEST(testPlaceholdersAreNumberedNotQuestionMarks);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void testBoundRowsRoundTripExactly();
    void testEmptyBlobIsBoundAsNull();
    void testPlaceholdersAreNumberedNotQuestionMarks();
};

} // namespace jobhost::tests
