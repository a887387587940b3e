// tests/host/transport — ClockTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class ClockTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ClockTest);
    CPPUNIT_TEST(testManualClockSleepAdvancesInstantly);
    CPPUNIT_TEST(testManualClockHonoursCancel);
    CPPUNIT_TEST(testSystemClockSleeps);
    CPPUNIT_TEST(testSystemClockSleepIsCancellable);
    CPPUNIT_TEST(testSystemClockInterruptAll);
    CPPUNIT_TEST(testRandomSources);
    CPPUNIT_TEST_SUITE_END();

public:
    void testManualClockSleepAdvancesInstantly();
    void testManualClockHonoursCancel();
    void testSystemClockSleeps();
    void testSystemClockSleepIsCancellable();
    void testSystemClockInterruptAll();
    void testRandomSources();
};

} // namespace jobhost::tests
