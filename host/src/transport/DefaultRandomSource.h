// jobhost host — DefaultRandomSource.h
// std::mt19937_64-based RandomSource, seeded from std::random_device.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <mutex>
#include <random>

#include "transport/RandomSource.h"

namespace jobhost::host {

/// The production random source. Thread-safe (a mutex guards the engine);
/// never throws.
class DefaultRandomSource : public RandomSource {
public:
    /// Seeds from std::random_device.
    DefaultRandomSource();
    /// Fixed seed, for reproducible runs.
    explicit DefaultRandomSource(std::uint64_t seed);

    /// A process-wide shared instance (never null).
    static std::shared_ptr<DefaultRandomSource> instance();

    std::int64_t uniform(std::int64_t lo, std::int64_t hi) override;

private:
    std::mutex _mutex;
    std::mt19937_64 _engine;
};

} // namespace jobhost::host
