// tests/host/postgres — PostgresServerTest.h
// The throwaway server: its own port and folder each, nothing left behind
// after destruction (nor after a failed start), and clear failures.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class PostgresServerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostgresServerTest);
    CPPUNIT_TEST(testTwoServersHaveOwnPortsAndFoldersAndLeaveNothing);
    CPPUNIT_TEST(testConnectionStringAndUrlReachTheDatabase);
    CPPUNIT_TEST(testBadBinDirectoryNamesTheFix);
    CPPUNIT_TEST(testBinDirectoryFromTheEnvironment);
    CPPUNIT_TEST(testUnsafeNamesAreRefused);
    CPPUNIT_TEST(testStartTimeoutFailsAndCleansUp);
    CPPUNIT_TEST_SUITE_END();

public:
    void testTwoServersHaveOwnPortsAndFoldersAndLeaveNothing();
    void testConnectionStringAndUrlReachTheDatabase();
    void testBadBinDirectoryNamesTheFix();
    void testBinDirectoryFromTheEnvironment();
    void testUnsafeNamesAreRefused();
    void testStartTimeoutFailsAndCleansUp();
};

} // namespace jobhost::tests
