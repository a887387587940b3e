// jobhost host — ManualClock.h
// A test clock: time moves only when told to; sleeping advances it at once.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "transport/Clock.h"

namespace jobhost::host {

/// Deterministic clock for tests. nowMs() and epochMs() are the same value
/// (milliseconds since the Unix epoch), starting at `startEpochMs`.
/// sleepFor(ms) returns immediately after advancing time by ms and records
/// the requested duration, so backoff timings can be asserted exactly.
/// Thread-safe; never throws (unless the onSleep hook does).
class ManualClock : public Clock {
public:
    /// Default start: 2023-11-14T22:13:20Z (1,700,000,000,000 ms).
    explicit ManualClock(std::int64_t startEpochMs = 1700000000000LL);

    std::int64_t nowMs() const override;
    std::int64_t epochMs() const override;
    /// Returns false without advancing when `cancelled` is already true;
    /// otherwise advances time by max(ms, 0), records ms, calls the onSleep
    /// hook (if set) and returns true.
    bool sleepFor(std::int64_t ms, const CancelCheck& cancelled = {}) override;

    /// Moves time forward by `ms` (no record).
    void advance(std::int64_t ms);
    /// Every duration passed to sleepFor(), in call order (including 0 ms).
    std::vector<std::int64_t> sleeps() const;
    /// Sum of all sleeps.
    std::int64_t totalSleptMs() const;
    /// Called after each sleep with the slept duration (e.g. to cancel).
    void setOnSleep(std::function<void(std::int64_t)> hook);

private:
    std::atomic<std::int64_t> _nowMs;
    mutable std::mutex _mutex;
    std::vector<std::int64_t> _sleeps;
    std::function<void(std::int64_t)> _onSleep;
};

} // namespace jobhost::host
