// jobhost host — FixedRandomSource.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/FixedRandomSource.h"

#include <algorithm>
#include <cmath>

namespace jobhost::host {

FixedRandomSource::FixedRandomSource(double fraction) : _fraction(std::clamp(fraction, 0.0, 1.0)) {}

std::int64_t FixedRandomSource::uniform(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const double span = static_cast<double>(hi - lo);
    return lo + static_cast<std::int64_t>(std::llround(_fraction.load() * span));
}

void FixedRandomSource::setFraction(double fraction) { _fraction.store(std::clamp(fraction, 0.0, 1.0)); }

} // namespace jobhost::host
