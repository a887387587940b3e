// jobhost host — ManualClock.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/ManualClock.h"

#include <algorithm>
#include <numeric>

namespace jobhost::host {

ManualClock::ManualClock(std::int64_t startEpochMs) : _nowMs(startEpochMs) {}

std::int64_t ManualClock::nowMs() const { return _nowMs.load(); }

std::int64_t ManualClock::epochMs() const { return _nowMs.load(); }

bool ManualClock::sleepFor(std::int64_t ms, const CancelCheck& cancelled) {
    if (cancelled && cancelled()) return false;
    _nowMs.fetch_add(std::max<std::int64_t>(ms, 0));
    std::function<void(std::int64_t)> hook;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _sleeps.push_back(ms);
        hook = _onSleep;
    }
    if (hook) hook(ms);
    return true;
}

void ManualClock::advance(std::int64_t ms) { _nowMs.fetch_add(std::max<std::int64_t>(ms, 0)); }

std::vector<std::int64_t> ManualClock::sleeps() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _sleeps;
}

std::int64_t ManualClock::totalSleptMs() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return std::accumulate(_sleeps.begin(), _sleeps.end(), std::int64_t{0});
}

void ManualClock::setOnSleep(std::function<void(std::int64_t)> hook) {
    std::lock_guard<std::mutex> lock(_mutex);
    _onSleep = std::move(hook);
}

} // namespace jobhost::host
