// tests/host/store — StoreTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class StoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StoreTest);
    CPPUNIT_TEST(testFreshFileIsMigratedInWalMode);
    CPPUNIT_TEST(testReopenKeepsDataAndVersion);
    CPPUNIT_TEST(testNewerSchemaIsRefusedWithBothVersions);
    CPPUNIT_TEST(testCorruptFileGivesClearError);
    CPPUNIT_TEST(testForeignSqliteFileIsRefused);
    CPPUNIT_TEST(testMigrationsAreNumberedWithoutGaps);
    CPPUNIT_TEST_SUITE_END();

public:
    void testFreshFileIsMigratedInWalMode();
    void testReopenKeepsDataAndVersion();
    void testNewerSchemaIsRefusedWithBothVersions();
    void testCorruptFileGivesClearError();
    void testForeignSqliteFileIsRefused();
    void testMigrationsAreNumberedWithoutGaps();
};

} // namespace jobhost::tests
