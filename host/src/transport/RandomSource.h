// jobhost host — RandomSource.h
// Injectable randomness for backoff jitter.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace jobhost::host {

/// Abstract source of uniform random integers. Implementations must be
/// thread-safe and must not throw.
class RandomSource {
public:
    virtual ~RandomSource() = default;
    /// A uniformly distributed integer in [lo, hi] (both inclusive).
    /// Returns lo when hi <= lo.
    virtual std::int64_t uniform(std::int64_t lo, std::int64_t hi) = 0;
};

} // namespace jobhost::host
