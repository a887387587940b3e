// jobhost host — SystemClock.h
// The real clock: steady time, wall time and interruptible sleeps.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>

#include "transport/Clock.h"

namespace jobhost::host {

/// Clock backed by std::chrono::steady_clock (nowMs) and system_clock
/// (epochMs). Thread-safe; never throws. sleepFor() polls the cancel check
/// every 20 ms at most, and interruptAll() wakes every sleeper at once
/// (they return false), e.g. on shutdown.
class SystemClock : public Clock {
public:
    SystemClock() = default;

    /// A process-wide shared instance (never null).
    static std::shared_ptr<SystemClock> instance();

    std::int64_t nowMs() const override;
    std::int64_t epochMs() const override;
    bool sleepFor(std::int64_t ms, const CancelCheck& cancelled = {}) override;

    /// Wakes all current sleepers; their sleepFor() returns false. Later
    /// sleeps are not affected.
    void interruptAll();

private:
    std::mutex _mutex;
    std::condition_variable _wake;
    std::uint64_t _interruptGeneration = 0;
};

} // namespace jobhost::host
