// tests/host/runtime — CrashTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class CrashTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CrashTest);
    CPPUNIT_TEST(testAbortLosesNothingCommittedAndDuplicatesNothing);
    CPPUNIT_TEST(testKillAtRandomInstantsThenFinish);
    CPPUNIT_TEST(testKillDuringFirstMigrationsLeavesAUsableOwnerOnlyStore);
    CPPUNIT_TEST(testKillWhileCreatingTheSecretKeyLeavesAUsableKey);
    CPPUNIT_TEST_SUITE_END();

public:
    void testAbortLosesNothingCommittedAndDuplicatesNothing();
    void testKillAtRandomInstantsThenFinish();
    void testKillDuringFirstMigrationsLeavesAUsableOwnerOnlyStore();
    void testKillWhileCreatingTheSecretKeyLeavesAUsableKey();
};

} // namespace jobhost::tests
