// SipHash.h — jobhost lql: SipHash-2-4 as used by qlbridge's hash()/hash.sip().
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string_view>

namespace jobhost::host::lql {

// SipHash-2-4 (Aumasson & Bernstein), byte-compatible with dchest/siphash
// Hash(k0, k1, b). Stateless and thread-safe; never throws.
class SipHash {
public:
    // The 64-bit SipHash-2-4 of data under the key (k0, k1), both read
    // little-endian as in dchest/siphash.
    static std::uint64_t hash24(std::uint64_t k0, std::uint64_t k1, std::string_view data);

    // qlbridge's hash.sip: key k0 = 0, k1 = 1, the result reinterpreted as a
    // signed int64 (so it may be negative).
    static std::int64_t qlbridgeHash(std::string_view data);
};

} // namespace jobhost::host::lql
