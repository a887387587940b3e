// Hash.h — jobhost postup-sim: the deterministic hash every derived value comes from.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace jobhost::sim {

/// Stateless 64-bit mixing (splitmix64 finaliser). Pure functions, thread-safe.
class Hash {
public:
  static std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
  }
  static std::uint64_t of(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
    return mix(mix(mix(seed ^ mix(a)) ^ b) ^ (c * 0x632BE59BD9B4E019ULL));
  }
  /// Uniform double in [0, 1).
  static double unit(std::uint64_t h) { return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0); }
};

} // namespace jobhost::sim
