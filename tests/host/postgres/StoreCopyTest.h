// tests/host/postgres — StoreCopyTest.h
// host::StoreCopier and `jobhost store copy`: an embedded SQLite store copied
// into a real PostgreSQL database, compared value for value.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class StoreCopyTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StoreCopyTest);
    CPPUNIT_TEST(testEveryTableIsCopiedValueForValue);
    CPPUNIT_TEST(testIdsContinueAfterTheCopiedOnes);
    CPPUNIT_TEST(testTargetThatIsNotEmptyIsRefusedAndKept);
    CPPUNIT_TEST(testUnknownSourceTableIsRefusedBeforeAnythingIsWritten);
    CPPUNIT_TEST(testValueThePostgresColumnWouldChangeRollsEverythingBack);
    CPPUNIT_TEST(testCliCopiesAndPrintsCountsWithoutThePassword);
    CPPUNIT_TEST(testCliRefusesAPostgresSource);
    CPPUNIT_TEST_SUITE_END();

public:
    /// Every table of a SQLite store, three rows each with NULLs, empty and
    /// binary bytes (NUL, 0xFF), INT64 extremes, quotes and non-ASCII text,
    /// copied two rows per page: every row of every table reads back the same.
    void testEveryTableIsCopiedValueForValue();
    /// Identity columns continue after the highest copied id; the outbox
    /// after the highest id SQLite ever gave (AUTOINCREMENT), not MAX(id).
    void testIdsContinueAfterTheCopiedOnes();
    void testTargetThatIsNotEmptyIsRefusedAndKept();
    void testUnknownSourceTableIsRefusedBeforeAnythingIsWritten();
    /// Text in an INTEGER column of the source (SQLite keeps it) would become
    /// 0: refused naming table and column, and the tables copied before it
    /// are rolled back.
    void testValueThePostgresColumnWouldChangeRollsEverythingBack();
    void testCliCopiesAndPrintsCountsWithoutThePassword();
    void testCliRefusesAPostgresSource();
};

} // namespace jobhost::tests
