// tests/host/transport — ClockTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ClockTest.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "transport/DefaultRandomSource.h"
#include "transport/FixedRandomSource.h"
#include "transport/ManualClock.h"
#include "transport/SystemClock.h"

namespace jobhost::tests {

using host::ManualClock;
using host::SystemClock;

namespace {
std::int64_t realMsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

void ClockTest::testManualClockSleepAdvancesInstantly() {
    ManualClock clock(1000);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1000}, clock.nowMs());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1000}, clock.epochMs());
    const auto start = std::chrono::steady_clock::now();
    CPPUNIT_ASSERT(clock.sleepFor(3600000));
    CPPUNIT_ASSERT(realMsSince(start) < 1000);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3601000}, clock.nowMs());
    clock.advance(5);
    CPPUNIT_ASSERT(clock.sleepFor(0));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3601005}, clock.nowMs());
    CPPUNIT_ASSERT((clock.sleeps() == std::vector<std::int64_t>{3600000, 0}));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3600000}, clock.totalSleptMs());
    std::int64_t hooked = 0;
    clock.setOnSleep([&](std::int64_t ms) { hooked += ms; });
    clock.sleepFor(7);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, hooked);
}

void ClockTest::testManualClockHonoursCancel() {
    ManualClock clock(0);
    CPPUNIT_ASSERT(!clock.sleepFor(100, [] { return true; }));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, clock.nowMs());
    CPPUNIT_ASSERT(clock.sleeps().empty());
}

void ClockTest::testSystemClockSleeps() {
    SystemClock clock;
    const std::int64_t before = clock.nowMs();
    CPPUNIT_ASSERT(clock.sleepFor(60));
    CPPUNIT_ASSERT(clock.nowMs() - before >= 60);
    CPPUNIT_ASSERT(clock.sleepFor(30, [] { return false; }));
    CPPUNIT_ASSERT(clock.sleepFor(-5));
    const std::int64_t wall = clock.epochMs();
    CPPUNIT_ASSERT(wall > 1600000000000LL); // after 2020
}

void ClockTest::testSystemClockSleepIsCancellable() {
    SystemClock clock;
    std::atomic<bool> stop{false};
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        stop = true;
    });
    const auto start = std::chrono::steady_clock::now();
    CPPUNIT_ASSERT(!clock.sleepFor(10000, [&] { return stop.load(); }));
    canceller.join();
    CPPUNIT_ASSERT(realMsSince(start) < 2000);
    CPPUNIT_ASSERT(!clock.sleepFor(10000, [] { return true; }));
}

void ClockTest::testSystemClockInterruptAll() {
    SystemClock clock;
    std::atomic<bool> result{true};
    std::thread sleeper([&] { result = clock.sleepFor(10000); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto start = std::chrono::steady_clock::now();
    clock.interruptAll();
    sleeper.join();
    CPPUNIT_ASSERT(!result.load());
    CPPUNIT_ASSERT(realMsSince(start) < 2000);
    CPPUNIT_ASSERT(clock.sleepFor(10)); // later sleeps are unaffected
}

void ClockTest::testRandomSources() {
    host::FixedRandomSource fixed(0.25);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{25}, fixed.uniform(0, 100));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{7}, fixed.uniform(7, 7));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{9}, fixed.uniform(9, 3));
    fixed.setFraction(5.0); // clamped to 1
    CPPUNIT_ASSERT_EQUAL(std::int64_t{100}, fixed.uniform(0, 100));
    host::DefaultRandomSource a(7), b(7);
    for (int i = 0; i < 10; ++i) {
        const auto x = a.uniform(0, 1000);
        CPPUNIT_ASSERT_EQUAL(x, b.uniform(0, 1000));
        CPPUNIT_ASSERT(x >= 0 && x <= 1000);
    }
    CPPUNIT_ASSERT(host::DefaultRandomSource::instance() == host::DefaultRandomSource::instance());
}

} // namespace jobhost::tests
