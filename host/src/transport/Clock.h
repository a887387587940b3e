// jobhost host — Clock.h
// Injectable time source for retries, backoff and rate limits.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>

namespace jobhost::host {

/// A cancellation check: returns true once the caller should stop waiting.
/// An empty function means "never cancelled". Must be cheap and thread-safe;
/// it is polled while sleeping.
using CancelCheck = std::function<bool()>;

/// Abstract clock. The transport, RetryPolicy users and TokenBucket take one
/// so tests can drive time with ManualClock. Implementations must be
/// thread-safe and must not throw.
class Clock {
public:
    virtual ~Clock() = default;

    /// Monotonic milliseconds, for measuring elapsed time. The origin is
    /// unspecified; only differences are meaningful.
    virtual std::int64_t nowMs() const = 0;

    /// Wall-clock milliseconds since the Unix epoch (UTC), for absolute
    /// times such as an HTTP-date Retry-After.
    virtual std::int64_t epochMs() const = 0;

    /// Sleeps `ms` milliseconds (nothing when ms <= 0). Interruptible:
    /// returns false as soon as `cancelled` returns true (checked before
    /// sleeping and periodically while sleeping), true when the full time
    /// has passed.
    virtual bool sleepFor(std::int64_t ms, const CancelCheck& cancelled = {}) = 0;
};

} // namespace jobhost::host
