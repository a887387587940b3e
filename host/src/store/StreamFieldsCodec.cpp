// StreamFieldsCodec.cpp — jobhost store: the compact binary form of a stream event's fields.
// SPDX-License-Identifier: Apache-2.0
#include "store/StreamFieldsCodec.h"

#include <cstdint>

namespace jobhost::host {
namespace {

// Reads a varint at i; false when the bytes end first or it runs past 10 bytes.
bool getVarint(const std::string& in, std::size_t& i, std::uint64_t& v)
{
    v = 0;
    for (int shift = 0; shift < 64 && i < in.size(); shift += 7) {
        const auto b = static_cast<unsigned char>(in[i++]);
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
}

bool getString(const std::string& in, std::size_t& i, std::string& s)
{
    std::uint64_t n = 0;
    if (!getVarint(in, i, n) || n > in.size() - i) return false;
    s.assign(in, i, static_cast<std::size_t>(n));
    i += static_cast<std::size_t>(n);
    return true;
}

// The pairs of a binary form starting with `marker`, appended to out in
// order; readName reads one pair's name (inline or by code). False on any
// damage, out then holding the pairs before it.
template <typename ReadName>
bool readPairs(const std::string& in, char marker, ReadName readName, StreamFieldsCodec::Fields& out)
{
    if (in.empty() || in.front() != marker) return false;
    std::size_t i = 1;
    std::uint64_t count = 0;
    if (!getVarint(in, i, count)) return false;
    // Every pair takes at least two bytes: a larger count is damage.
    if (count > (in.size() - i) / 2) return false;
    for (std::uint64_t n = 0; n < count; ++n) {
        std::string name, value;
        if (!readName(i, name) || !getString(in, i, value)) return false;
        out.emplace_back(std::move(name), std::move(value));
    }
    return i == in.size();
}

} // namespace

void StreamFieldsCodec::putVarint(std::string& out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(static_cast<char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

std::string StreamFieldsCodec::encode(const Fields& fields)
{
    std::size_t size = 2;
    for (const auto& [name, value] : fields) size += name.size() + value.size() + 2;
    std::string out;
    out.reserve(size);
    out.push_back('\0');
    putVarint(out, fields.size());
    for (const auto& [name, value] : fields) {
        putVarint(out, name.size());
        out.append(name);
        putVarint(out, value.size());
        out.append(value);
    }
    return out;
}

bool StreamFieldsCodec::decode(const std::string& bytes, Fields& out)
{
    return readPairs(bytes, '\0', [&](std::size_t& i, std::string& name) { return getString(bytes, i, name); }, out);
}

bool StreamFieldsCodec::expandCoded(const std::string& coded, const std::vector<std::string>& names, std::string& out)
{
    Fields fields;
    const bool ok = readPairs(coded, '\1',
                              [&](std::size_t& i, std::string& name) {
                                  std::uint64_t code = 0;
                                  if (!getVarint(coded, i, code) || code >= names.size()) return false;
                                  name = names[code];
                                  return true;
                              },
                              fields);
    out = encode(fields);
    return ok;
}

} // namespace jobhost::host
