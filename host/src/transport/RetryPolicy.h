// jobhost host — RetryPolicy.h
// Pure retry decisions: full-jitter backoff, classification, Retry-After.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "plugins/ProviderManifest.h"
#include "transport/RandomSource.h"
#include "transport/TransportErrorKind.h"

namespace jobhost::host {

/// The outcome of RetryPolicy::decide().
struct RetryDecision {
    bool retry = false;        ///< true: wait delayMs, then make attempt number attempt + 1
    std::int64_t delayMs = 0;  ///< effective delay (0 when retry is false)
    std::int64_t backoffMs = 0;///< the jittered backoff part of the delay
    std::string reason;        ///< when retry is false: why we stop ("attempt cap 5 reached")
};

/// A retry policy for any retried operation: HTTP requests (the transport),
/// runs (Outcome::Retry) and export items (retry later). It is a pure value
/// object: immutable after construction, no clock or I/O inside — callers
/// pass attempt numbers, elapsed time and a RandomSource, so the same inputs
/// always give the same output. Thread-safe (const); never throws.
///
/// Terms:
/// * `attempt` is the 1-based number of the attempt that just failed
///   (1 after the first try failed).
/// * Backoff for the retry after attempt n is full jitter:
///   uniform in [0, min(capMs, baseMs * 2^(n-1))].
/// * `maxAttempts` counts all attempts including the first; values < 1 act
///   as 1 (no retries). `maxElapsedMs` <= 0 means no elapsed cap.
class RetryPolicy {
public:
    /// Upper bound applied to a server's Retry-After by default: 1 hour.
    static constexpr std::int64_t kDefaultRetryAfterLimitMs = 3600000;

    /// `retryAfterLimitMs` clamps any Retry-After value so a hostile or
    /// broken server cannot park a worker for days; the elapsed cap still
    /// applies on top.
    explicit RetryPolicy(RetrySettings settings = {}, std::int64_t retryAfterLimitMs = kDefaultRetryAfterLimitMs);

    const RetrySettings& settings() const { return _settings; }

    /// The backoff ceiling after attempt `attempt`: min(capMs, baseMs * 2^(attempt-1)),
    /// overflow-safe; 0 when baseMs <= 0.
    std::int64_t backoffCeilingMs(int attempt) const;

    /// A full-jitter backoff delay after attempt `attempt`:
    /// random.uniform(0, backoffCeilingMs(attempt)).
    std::int64_t backoffMs(int attempt, RandomSource& random) const;

    /// The delay to wait given a server hint: max(min(retryAfterMs, limit), backoffMs).
    /// A negative retryAfterMs counts as 0.
    std::int64_t effectiveDelayMs(std::int64_t backoffMs, std::optional<std::int64_t> retryAfterMs) const;

    /// Whether to retry after attempt `attempt` failed (retryably) with
    /// `elapsedMs` spent since the first attempt started. Stops when
    /// attempt >= maxAttempts, or when elapsedMs + delay would exceed
    /// maxElapsedMs (when that cap is set). Does not classify — call
    /// isRetryableStatus()/isRetryable() first.
    RetryDecision decide(int attempt, std::int64_t elapsedMs, std::optional<std::int64_t> retryAfterMs,
                         RandomSource& random) const;

    /// 408, 429 and 5xx are retryable; everything else (2xx, 3xx, other 4xx) is not.
    static bool isRetryableStatus(int status);

    /// Timeouts, resets, refused connections, DNS and other network errors
    /// are retryable; TLS, invalid requests, sink aborts, cancellation and
    /// unknown errors are not.
    static bool isRetryable(TransportErrorKind kind);

    /// Short lower-case name ("timeout", "connection reset", ...).
    static const char* describe(TransportErrorKind kind);

    /// Parses a Retry-After header value: delta-seconds ("120") or an
    /// HTTP-date (IMF-fixdate, RFC 850 or asctime) relative to `nowEpochMs`.
    /// Returns the delay in ms (0 for a date in the past); empty when the
    /// value is absent or unparsable.
    static std::optional<std::int64_t> parseRetryAfterMs(const std::string& value, std::int64_t nowEpochMs);

private:
    RetrySettings _settings;
    std::int64_t _retryAfterLimitMs;
};

} // namespace jobhost::host
