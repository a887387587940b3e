// tests/host/postgres — StoreOptionTest.h
// The CLI's `--store` / $JOBHOST_STORE: which store a verb opens, and what a
// malformed or unreachable one says.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class StoreOptionTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StoreOptionTest);
    CPPUNIT_TEST(testStoreOptionOpensThePostgresDatabase);
    CPPUNIT_TEST(testEnvironmentSelectsTheStoreAndTheOptionWins);
    CPPUNIT_TEST(testMalformedStoreIsNamedWithWhereItCameFrom);
    CPPUNIT_TEST(testUnreachableStoreExits70WithoutThePassword);
    CPPUNIT_TEST(testCopiedStoreAnswersLikeTheOriginal);
    CPPUNIT_TEST_SUITE_END();

public:
    /// `--store postgresql://…` migrates and uses that database; no SQLite
    /// file appears in the data folder.
    void testStoreOptionOpensThePostgresDatabase();
    void testEnvironmentSelectsTheStoreAndTheOptionWins();
    /// Exit 78 naming --store or JOBHOST_STORE and the fault.
    void testMalformedStoreIsNamedWithWhereItCameFrom();
    void testUnreachableStoreExits70WithoutThePassword();
    /// `runs` and `runs --log` print the same on a SQLite store and on its
    /// `store copy`.
    void testCopiedStoreAnswersLikeTheOriginal();
};

} // namespace jobhost::tests
