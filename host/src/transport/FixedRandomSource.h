// jobhost host — FixedRandomSource.h
// A deterministic RandomSource for tests: always the same point of the range.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>

#include "transport/RandomSource.h"

namespace jobhost::host {

/// Returns lo + round(fraction * (hi - lo)); fraction 0 gives the lower
/// bound, 1 the upper bound (full jitter's worst case). Thread-safe; never
/// throws. The fraction is clamped to [0, 1].
class FixedRandomSource : public RandomSource {
public:
    explicit FixedRandomSource(double fraction = 1.0);

    std::int64_t uniform(std::int64_t lo, std::int64_t hi) override;
    void setFraction(double fraction);

private:
    std::atomic<double> _fraction;
};

} // namespace jobhost::host
