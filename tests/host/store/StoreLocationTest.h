// tests/host/store — StoreLocationTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

/// `--store` values: SQLite paths, PostgreSQL URLs, malformed URLs, and the
/// password kept out of every display form.
class StoreLocationTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StoreLocationTest);
    CPPUNIT_TEST(testPathIsSqlite);
    CPPUNIT_TEST(testPostgresUrlParts);
    CPPUNIT_TEST(testMalformedUrlsAreRefusedWithTheReason);
    CPPUNIT_TEST(testPasswordOnlyInTheConnectionString);
    CPPUNIT_TEST(testPlaceholdersBecomeNumberedOnPostgres);
    CPPUNIT_TEST_SUITE_END();

public:
    void testPathIsSqlite();
    void testPostgresUrlParts();
    void testMalformedUrlsAreRefusedWithTheReason();
    void testPasswordOnlyInTheConnectionString();
    void testPlaceholdersBecomeNumberedOnPostgres();
};

} // namespace jobhost::tests
