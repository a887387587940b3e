// tests/host/transport — RetryPolicyTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "RetryPolicyTest.h"

#include <set>

#include "transport/DefaultRandomSource.h"
#include "transport/FixedRandomSource.h"
#include "transport/RetryPolicy.h"

namespace jobhost::tests {

using host::RetryPolicy;
using host::RetrySettings;
using host::TransportErrorKind;

namespace {
constexpr std::int64_t kNow = 1700000000000LL; // 2023-11-14T22:13:20Z
}

void RetryPolicyTest::testBackoffCeilingDoublesUpToCap() {
    const RetryPolicy policy(RetrySettings{10, 500, 30000, 0});
    const std::int64_t expected[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int attempt = 1; attempt <= 8; ++attempt)
        CPPUNIT_ASSERT_EQUAL(expected[attempt - 1], policy.backoffCeilingMs(attempt));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{500}, policy.backoffCeilingMs(0)); // treated as attempt 1
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, RetryPolicy(RetrySettings{5, 0, 1000, 0}).backoffCeilingMs(3));
}

void RetryPolicyTest::testBackoffIsFullJitterWithinBounds() {
    const RetryPolicy policy(RetrySettings{10, 100, 5000, 0});
    host::FixedRandomSource top(1.0), bottom(0.0), middle(0.5);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{400}, policy.backoffMs(3, top));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, policy.backoffMs(3, bottom));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{200}, policy.backoffMs(3, middle));
    host::DefaultRandomSource random(42);
    for (int attempt = 1; attempt <= 10; ++attempt) {
        std::set<std::int64_t> seen;
        for (int i = 0; i < 200; ++i) {
            const std::int64_t delay = policy.backoffMs(attempt, random);
            CPPUNIT_ASSERT(delay >= 0 && delay <= policy.backoffCeilingMs(attempt));
            seen.insert(delay);
        }
        CPPUNIT_ASSERT(seen.size() > 20); // really spread, not a constant
    }
}

void RetryPolicyTest::testBackoffSurvivesHugeAttemptNumbers() {
    const RetryPolicy policy(RetrySettings{1000000, 1000, INT64_MAX / 2, 0});
    CPPUNIT_ASSERT_EQUAL(INT64_MAX / 2, policy.backoffCeilingMs(900));
    CPPUNIT_ASSERT(policy.backoffCeilingMs(64) > 0);
}

void RetryPolicyTest::testStatusClassification() {
    for (int status : {408, 429, 500, 501, 502, 503, 504, 599})
        CPPUNIT_ASSERT_MESSAGE(std::to_string(status), RetryPolicy::isRetryableStatus(status));
    for (int status : {0, 200, 201, 204, 301, 304, 400, 401, 403, 404, 405, 409, 410, 413, 422, 600})
        CPPUNIT_ASSERT_MESSAGE(std::to_string(status), !RetryPolicy::isRetryableStatus(status));
}

void RetryPolicyTest::testTransportErrorClassification() {
    for (auto kind : {TransportErrorKind::Timeout, TransportErrorKind::ConnectionReset,
                      TransportErrorKind::ConnectionRefused, TransportErrorKind::HostNotFound,
                      TransportErrorKind::Network})
        CPPUNIT_ASSERT(RetryPolicy::isRetryable(kind));
    for (auto kind : {TransportErrorKind::None, TransportErrorKind::Tls, TransportErrorKind::InvalidRequest,
                      TransportErrorKind::Aborted, TransportErrorKind::Cancelled, TransportErrorKind::Other})
        CPPUNIT_ASSERT(!RetryPolicy::isRetryable(kind));
    CPPUNIT_ASSERT_EQUAL(std::string("timeout"), std::string(RetryPolicy::describe(TransportErrorKind::Timeout)));
}

void RetryPolicyTest::testRetryAfterSeconds() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{120000}, *RetryPolicy::parseRetryAfterMs("120", kNow));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, *RetryPolicy::parseRetryAfterMs("0", kNow));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{5000}, *RetryPolicy::parseRetryAfterMs("  5 ", kNow));
    CPPUNIT_ASSERT(*RetryPolicy::parseRetryAfterMs("99999999999999999999", kNow) > 0); // clamped later, no overflow
}

void RetryPolicyTest::testRetryAfterHttpDates() {
    // kNow is Tue, 14 Nov 2023 22:13:20 GMT.
    CPPUNIT_ASSERT_EQUAL(std::int64_t{40000},
                         *RetryPolicy::parseRetryAfterMs("Tue, 14 Nov 2023 22:14:00 GMT", kNow));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3600000},
                         *RetryPolicy::parseRetryAfterMs("Tuesday, 14-Nov-23 23:13:20 GMT", kNow));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{10000}, *RetryPolicy::parseRetryAfterMs("Tue Nov 14 22:13:30 2023", kNow));
    // A date in the past means "now".
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, *RetryPolicy::parseRetryAfterMs("Mon, 13 Nov 2023 00:00:00 GMT", kNow));
}

void RetryPolicyTest::testRetryAfterGarbageIsIgnored() {
    CPPUNIT_ASSERT(!RetryPolicy::parseRetryAfterMs("", kNow));
    CPPUNIT_ASSERT(!RetryPolicy::parseRetryAfterMs("soon", kNow));
    CPPUNIT_ASSERT(!RetryPolicy::parseRetryAfterMs("-5", kNow));
    CPPUNIT_ASSERT(!RetryPolicy::parseRetryAfterMs("1.5", kNow));
}

void RetryPolicyTest::testEffectiveDelayIsMaxOfHintAndBackoff() {
    const RetryPolicy policy(RetrySettings{5, 500, 30000, 0}, 60000);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{7000}, policy.effectiveDelayMs(300, 7000));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{900}, policy.effectiveDelayMs(900, 100));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{900}, policy.effectiveDelayMs(900, std::nullopt));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{900}, policy.effectiveDelayMs(900, -4000));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{60000}, policy.effectiveDelayMs(900, 86400000)); // hint clamped
}

void RetryPolicyTest::testAttemptCap() {
    const RetryPolicy policy(RetrySettings{3, 100, 1000, 0});
    host::FixedRandomSource random(1.0);
    auto first = policy.decide(1, 0, std::nullopt, random);
    CPPUNIT_ASSERT(first.retry);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{100}, first.delayMs);
    auto second = policy.decide(2, 100, std::nullopt, random);
    CPPUNIT_ASSERT(second.retry);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{200}, second.delayMs);
    auto third = policy.decide(3, 300, std::nullopt, random);
    CPPUNIT_ASSERT(!third.retry);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, third.delayMs);
    CPPUNIT_ASSERT_EQUAL(std::string("attempt cap 3 reached"), third.reason);
    // maxAttempts < 1 behaves as 1: never retry.
    CPPUNIT_ASSERT(!RetryPolicy(RetrySettings{0, 100, 1000, 0}).decide(1, 0, std::nullopt, random).retry);
}

void RetryPolicyTest::testElapsedCap() {
    const RetryPolicy policy(RetrySettings{100, 1000, 1000, 2500});
    host::FixedRandomSource random(1.0);
    CPPUNIT_ASSERT(policy.decide(1, 0, std::nullopt, random).retry);
    CPPUNIT_ASSERT(policy.decide(2, 1500, std::nullopt, random).retry);   // 1500 + 1000 = 2500: allowed
    const auto stop = policy.decide(3, 1501, std::nullopt, random);       // 2501 > 2500
    CPPUNIT_ASSERT(!stop.retry);
    CPPUNIT_ASSERT(stop.reason.find("elapsed cap 2500 ms") != std::string::npos);
    // A Retry-After that cannot fit stops at once.
    CPPUNIT_ASSERT(!policy.decide(1, 0, 5000, random).retry);
}

void RetryPolicyTest::testZeroElapsedCapMeansUnlimited() {
    const RetryPolicy policy(RetrySettings{1000, 1000, 60000, 0});
    host::FixedRandomSource random(1.0);
    const auto decision = policy.decide(500, 999999999, std::nullopt, random);
    CPPUNIT_ASSERT(decision.retry);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{60000}, decision.delayMs);
}

void RetryPolicyTest::testRunLevelSettings() {
    // The manifest's run-level defaults: 5 attempts, base 60 s, cap 1 h, no elapsed cap.
    const host::ProviderManifest manifest;
    const RetryPolicy policy(manifest.runRetry);
    host::FixedRandomSource random(1.0);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{60000}, policy.decide(1, 0, std::nullopt, random).delayMs);
    CPPUNIT_ASSERT_EQUAL(std::int64_t{480000}, policy.decide(4, 0, std::nullopt, random).delayMs);
    CPPUNIT_ASSERT(!policy.decide(5, 0, std::nullopt, random).retry);
    // An Outcome::Retry hint of 2 h is honoured up to the 1 h default limit.
    CPPUNIT_ASSERT_EQUAL(std::int64_t{3600000}, policy.decide(1, 0, 7200000, random).delayMs);
}

} // namespace jobhost::tests
