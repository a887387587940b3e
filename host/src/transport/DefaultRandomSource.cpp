// jobhost host — DefaultRandomSource.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/DefaultRandomSource.h"

namespace jobhost::host {

namespace {
std::uint64_t randomSeed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}
} // namespace

DefaultRandomSource::DefaultRandomSource() : _engine(randomSeed()) {}

DefaultRandomSource::DefaultRandomSource(std::uint64_t seed) : _engine(seed) {}

std::shared_ptr<DefaultRandomSource> DefaultRandomSource::instance() {
    static const std::shared_ptr<DefaultRandomSource> source = std::make_shared<DefaultRandomSource>();
    return source;
}

std::int64_t DefaultRandomSource::uniform(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    std::uniform_int_distribution<std::int64_t> distribution(lo, hi);
    std::lock_guard<std::mutex> lock(_mutex);
    return distribution(_engine);
}

} // namespace jobhost::host
