// jobhost host — TokenBucket.h
// A token-bucket rate limiter on an injected clock.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "plugins/ProviderManifest.h"
#include "transport/Clock.h"

namespace jobhost::host {

/// Token bucket: refills at `requestsPerSecond`, holds at most `burst`
/// tokens (at least 1), starts full. acquire() takes one token, blocking on
/// the clock when none is left. Waiters reserve their token up front (the
/// balance may go negative), so concurrent callers are served in arrival
/// order and the long-run rate never exceeds the setting.
/// requestsPerSecond <= 0 disables limiting (acquire never waits).
/// Thread-safe; never throws. Shared through std::shared_ptr (see
/// RateLimiterRegistry) by all transports of one credential.
class TokenBucket {
public:
    /// `clock` must not be null.
    TokenBucket(RateLimitSettings settings, std::shared_ptr<Clock> clock);

    /// Takes a token, sleeping on the clock until it is available. Returns
    /// false (and gives the reservation back) when `cancelled` fires during
    /// the wait. `waitedMs`, when given, receives the time waited (0 if none).
    bool acquire(const CancelCheck& cancelled = {}, std::int64_t* waitedMs = nullptr);

    /// Takes a token only when one is available now; never waits.
    bool tryAcquire();

    /// Replaces rate and burst; the current balance is kept (clamped to the
    /// new burst).
    void reconfigure(RateLimitSettings settings);
    RateLimitSettings settings() const;

    /// Tokens available now (may be negative while callers wait).
    double available() const;
    /// How many acquire() calls had to wait.
    std::uint64_t waits() const;
    /// Total milliseconds callers were asked to wait.
    std::int64_t waitedMs() const;
    /// How many tokens were handed out.
    std::uint64_t acquired() const;

private:
    void refillLocked(std::int64_t nowMs) const;

    mutable std::mutex _mutex;
    std::shared_ptr<Clock> _pClock;
    RateLimitSettings _settings;
    mutable double _tokens;
    mutable std::int64_t _lastRefillMs;
    std::uint64_t _waits = 0;
    std::int64_t _waitedMs = 0;
    std::uint64_t _acquired = 0;
};

} // namespace jobhost::host
