// SipHash.cpp — jobhost lql: SipHash-2-4 as used by qlbridge's hash()/hash.sip().
// SPDX-License-Identifier: Apache-2.0
#include "lql/SipHash.h"

#include <cstring>

namespace jobhost::host::lql {

namespace {
inline std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

inline void round(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3)
{
    v0 += v1;
    v1 = rotl(v1, 13);
    v1 ^= v0;
    v0 = rotl(v0, 32);
    v2 += v3;
    v3 = rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotl(v1, 17);
    v1 ^= v2;
    v2 = rotl(v2, 32);
}

inline std::uint64_t load64(const unsigned char* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}
} // namespace

std::uint64_t SipHash::hash24(std::uint64_t k0, std::uint64_t k1, std::string_view data)
{
    std::uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    std::uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    std::uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    std::uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t n = data.size();
    std::size_t full = n & ~static_cast<std::size_t>(7);
    for (std::size_t i = 0; i < full; i += 8) {
        std::uint64_t m = load64(p + i);
        v3 ^= m;
        round(v0, v1, v2, v3);
        round(v0, v1, v2, v3);
        v0 ^= m;
    }
    std::uint64_t b = static_cast<std::uint64_t>(n) << 56;
    for (std::size_t i = full; i < n; ++i) b |= static_cast<std::uint64_t>(p[i]) << (8 * (i - full));
    v3 ^= b;
    round(v0, v1, v2, v3);
    round(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    for (int i = 0; i < 4; ++i) round(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

std::int64_t SipHash::qlbridgeHash(std::string_view data)
{
    std::uint64_t h = hash24(0, 1, data);
    std::int64_t s;
    std::memcpy(&s, &h, sizeof s);
    return s;
}

} // namespace jobhost::host::lql
