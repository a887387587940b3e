// jobhost host — SystemClock.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/SystemClock.h"

#include <algorithm>
#include <chrono>

namespace jobhost::host {

namespace {
constexpr std::int64_t kPollSliceMs = 20;
}

std::shared_ptr<SystemClock> SystemClock::instance() {
    static const std::shared_ptr<SystemClock> clock = std::make_shared<SystemClock>();
    return clock;
}

std::int64_t SystemClock::nowMs() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t SystemClock::epochMs() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool SystemClock::sleepFor(std::int64_t ms, const CancelCheck& cancelled) {
    using namespace std::chrono;
    if (cancelled && cancelled()) return false;
    if (ms <= 0) return true;
    const auto deadline = steady_clock::now() + milliseconds(ms);
    std::unique_lock<std::mutex> lock(_mutex);
    const std::uint64_t generation = _interruptGeneration;
    for (;;) {
        const auto now = steady_clock::now();
        if (now >= deadline) return true;
        auto slice = deadline - now;
        if (cancelled) slice = std::min<steady_clock::duration>(slice, milliseconds(kPollSliceMs));
        if (_wake.wait_for(lock, slice, [&] { return _interruptGeneration != generation; }))
            return false;
        if (cancelled) {
            lock.unlock();
            const bool stop = cancelled();
            lock.lock();
            if (stop) return false;
        }
    }
}

void SystemClock::interruptAll() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        ++_interruptGeneration;
    }
    _wake.notify_all();
}

} // namespace jobhost::host
