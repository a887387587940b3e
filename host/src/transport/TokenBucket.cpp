// jobhost host — TokenBucket.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/TokenBucket.h"

#include <algorithm>
#include <cmath>

namespace jobhost::host {

namespace {
double burstOf(const RateLimitSettings& settings) { return std::max(settings.burst, 1.0); }
} // namespace

TokenBucket::TokenBucket(RateLimitSettings settings, std::shared_ptr<Clock> clock)
    : _pClock(std::move(clock)), _settings(settings), _tokens(burstOf(settings)), _lastRefillMs(_pClock->nowMs()) {}

void TokenBucket::refillLocked(std::int64_t nowMs) const {
    if (nowMs > _lastRefillMs && _settings.requestsPerSecond > 0) {
        _tokens = std::min(burstOf(_settings),
                           _tokens + static_cast<double>(nowMs - _lastRefillMs) * _settings.requestsPerSecond / 1000.0);
    }
    _lastRefillMs = std::max(nowMs, _lastRefillMs);
}

bool TokenBucket::acquire(const CancelCheck& cancelled, std::int64_t* waitedMs) {
    if (waitedMs) *waitedMs = 0;
    std::int64_t wait = 0;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (_settings.requestsPerSecond <= 0) {
            ++_acquired;
            return true;
        }
        refillLocked(_pClock->nowMs());
        _tokens -= 1.0;
        ++_acquired;
        if (_tokens < 0) {
            wait = static_cast<std::int64_t>(std::ceil(-_tokens * 1000.0 / _settings.requestsPerSecond));
            ++_waits;
            _waitedMs += wait;
        }
    }
    if (wait <= 0) return true;
    if (_pClock->sleepFor(wait, cancelled)) {
        if (waitedMs) *waitedMs = wait;
        return true;
    }
    std::lock_guard<std::mutex> lock(_mutex);
    _tokens += 1.0; // give the reservation back
    --_acquired;
    return false;
}

bool TokenBucket::tryAcquire() {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_settings.requestsPerSecond <= 0) {
        ++_acquired;
        return true;
    }
    refillLocked(_pClock->nowMs());
    if (_tokens < 1.0) return false;
    _tokens -= 1.0;
    ++_acquired;
    return true;
}

void TokenBucket::reconfigure(RateLimitSettings settings) {
    std::lock_guard<std::mutex> lock(_mutex);
    refillLocked(_pClock->nowMs());
    _settings = settings;
    _tokens = std::min(_tokens, burstOf(_settings));
}

RateLimitSettings TokenBucket::settings() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _settings;
}

double TokenBucket::available() const {
    std::lock_guard<std::mutex> lock(_mutex);
    refillLocked(_pClock->nowMs());
    return _tokens;
}

std::uint64_t TokenBucket::waits() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _waits;
}

std::int64_t TokenBucket::waitedMs() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _waitedMs;
}

std::uint64_t TokenBucket::acquired() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _acquired;
}

} // namespace jobhost::host
