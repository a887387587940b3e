// jobhost host — RateLimiterRegistry.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/RateLimiterRegistry.h"

#include "transport/SystemClock.h"

namespace jobhost::host {

RateLimiterRegistry::RateLimiterRegistry(std::shared_ptr<Clock> clock)
    : _pClock(clock ? std::move(clock) : std::shared_ptr<Clock>(SystemClock::instance())) {}

std::shared_ptr<TokenBucket> RateLimiterRegistry::bucket(const std::string& provider,
                                                         const std::string& authorization,
                                                         const RateLimitSettings& settings) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto& slot = _buckets[Key{provider, authorization}];
    if (!slot) {
        slot = std::make_shared<TokenBucket>(settings, _pClock);
    } else {
        const RateLimitSettings current = slot->settings();
        if (current.requestsPerSecond != settings.requestsPerSecond || current.burst != settings.burst)
            slot->reconfigure(settings);
    }
    return slot;
}

std::shared_ptr<TokenBucket> RateLimiterRegistry::find(const std::string& provider,
                                                       const std::string& authorization) const {
    std::lock_guard<std::mutex> lock(_mutex);
    const auto it = _buckets.find(Key{provider, authorization});
    return it == _buckets.end() ? nullptr : it->second;
}

void RateLimiterRegistry::remove(const std::string& provider, const std::string& authorization) {
    std::lock_guard<std::mutex> lock(_mutex);
    _buckets.erase(Key{provider, authorization});
}

std::vector<RateLimiterRegistry::Entry> RateLimiterRegistry::snapshot() const {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<Entry> entries;
    entries.reserve(_buckets.size());
    for (const auto& [key, pBucket] : _buckets) {
        Entry entry;
        entry.provider = key.first;
        entry.authorization = key.second;
        entry.settings = pBucket->settings();
        entry.acquired = pBucket->acquired();
        entry.waits = pBucket->waits();
        entry.waitedMs = pBucket->waitedMs();
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace jobhost::host
