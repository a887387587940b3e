// tests/host/store — StreamLogTest.h
// The compact stream log: the binary fields form and migration 7 of stores
// whose stream_events held JSON text.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class StreamLogTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StreamLogTest);
    CPPUNIT_TEST(testFieldsRoundTripExactly);
    CPPUNIT_TEST(testDamagedFieldsAreRefusedWithoutThrowing);
    CPPUNIT_TEST(testRepositoryStoresEachFieldNameOncePerStream);
    CPPUNIT_TEST(testMigrationKeepsEveryEventOfASchema6Store);
    CPPUNIT_TEST_SUITE_END();

public:
    void testFieldsRoundTripExactly();
    void testDamagedFieldsAreRefusedWithoutThrowing();
    void testRepositoryStoresEachFieldNameOncePerStream();
    void testMigrationKeepsEveryEventOfASchema6Store();
};

} // namespace jobhost::tests
