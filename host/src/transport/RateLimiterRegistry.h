// jobhost host — RateLimiterRegistry.h
// One shared TokenBucket per (provider, authorization).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "plugins/ProviderManifest.h"
#include "transport/Clock.h"
#include "transport/TokenBucket.h"

namespace jobhost::host {

/// Hands out the rate limiter of a credential so every job (and every
/// transport) using one authorization draws from the same bucket.
/// Thread-safe; never throws except std::bad_alloc. Buckets live as long as
/// the registry or any holder of the returned pointer.
class RateLimiterRegistry {
public:
    /// A snapshot row for metrics.
    struct Entry {
        std::string provider;
        std::string authorization;
        RateLimitSettings settings;
        std::uint64_t acquired = 0;
        std::uint64_t waits = 0;
        std::int64_t waitedMs = 0;
    };

    /// `clock` is given to every bucket; null means SystemClock::instance().
    explicit RateLimiterRegistry(std::shared_ptr<Clock> clock = nullptr);

    /// The bucket of (provider, authorization), created with `settings` on
    /// first use. A later call with different settings reconfigures the
    /// existing bucket (e.g. after the manifest or job override changed);
    /// the same pointer is returned either way. Never null.
    std::shared_ptr<TokenBucket> bucket(const std::string& provider, const std::string& authorization,
                                        const RateLimitSettings& settings);

    /// The bucket if it exists, else null.
    std::shared_ptr<TokenBucket> find(const std::string& provider, const std::string& authorization) const;

    /// Drops the bucket of an authorization (e.g. deleted); holders keep theirs.
    void remove(const std::string& provider, const std::string& authorization);

    /// All buckets, sorted by provider then authorization.
    std::vector<Entry> snapshot() const;

private:
    using Key = std::pair<std::string, std::string>;

    mutable std::mutex _mutex;
    std::shared_ptr<Clock> _pClock;
    std::map<Key, std::shared_ptr<TokenBucket>> _buckets;
};

} // namespace jobhost::host
