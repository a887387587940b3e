// ProfileCodec.cpp — jobhost profiles: the compact binary form profiles are stored in.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileCodec.h"

#include "profiles/ProfileException.h"

#include <cstdint>
#include <cstring>

namespace jobhost::host::profiles {
namespace {

constexpr unsigned char kVersion = 0x01;
// A map or list deeper than this is refused (values nest only through maps).
constexpr int kMaxDepth = 16;

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }
// Times are stored relative to a base; the difference and the sum wrap
// modulo 2^64 (as unsigned arithmetic does) so that no stored or damaged
// value is signed overflow, and every time still round-trips exactly.
std::int64_t minusBase(std::int64_t t, std::int64_t base)
{
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(t) - static_cast<std::uint64_t>(base));
}
std::int64_t plusBase(std::int64_t base, std::int64_t delta)
{
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(delta));
}

class Writer {
public:
    explicit Writer(std::string& out)
        : _out(out)
    {
    }
    void byte(unsigned char b) { _out.push_back(static_cast<char>(b)); }
    void varint(std::uint64_t v)
    {
        while (v >= 0x80) {
            byte(static_cast<unsigned char>(v | 0x80));
            v >>= 7;
        }
        byte(static_cast<unsigned char>(v));
    }
    void signedVarint(std::int64_t v) { varint(zigzag(v)); }
    void string(const std::string& s)
    {
        varint(s.size());
        _out.append(s);
    }
    void value(const Value& v, std::int64_t base)
    {
        byte(static_cast<unsigned char>(v.type()));
        switch (v.type()) {
        case Value::Type::Nil: return;
        case Value::Type::String: string(v.asString()); return;
        case Value::Type::Int: signedVarint(v.asInt()); return;
        case Value::Type::Number: {
            double d = v.asNumber();
            std::uint64_t bits = 0;
            std::memcpy(&bits, &d, sizeof bits);
            for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(bits >> (8 * i)));
            return;
        }
        case Value::Type::Bool: byte(v.asBool() ? 1 : 0); return;
        case Value::Type::Time: signedVarint(minusBase(v.asTime().ms, base)); return;
        case Value::Type::List:
            varint(v.asList().size());
            for (const auto& s : v.asList()) string(s);
            return;
        case Value::Type::Map:
            varint(v.asMap().size());
            for (const auto& [k, x] : v.asMap()) {
                string(k);
                value(x, base);
            }
            return;
        }
    }

private:
    std::string& _out;
};

class Reader {
public:
    explicit Reader(const std::string& in)
        : _in(in)
    {
    }
    bool atEnd() const { return _i == _in.size(); }
    unsigned char byte()
    {
        if (_i >= _in.size()) fail("truncated");
        return static_cast<unsigned char>(_in[_i++]);
    }
    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            unsigned char b = byte();
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        fail("varint longer than 10 bytes");
    }
    std::int64_t signedVarint() { return unzigzag(varint()); }
    std::size_t count()
    {
        std::uint64_t n = varint();
        // Every element takes at least one byte: a larger count is corrupt.
        if (n > _in.size() - _i) fail("count beyond the end");
        return static_cast<std::size_t>(n);
    }
    std::string string()
    {
        std::size_t n = count();
        std::string s = _in.substr(_i, n);
        _i += n;
        return s;
    }
    Value value(std::int64_t base, int depth)
    {
        if (depth > kMaxDepth) fail("values nested too deeply");
        unsigned char type = byte();
        switch (static_cast<Value::Type>(type)) {
        case Value::Type::Nil: return Value();
        case Value::Type::String: return Value(string());
        case Value::Type::Int: return Value(signedVarint());
        case Value::Type::Number: {
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(byte()) << (8 * i);
            double d = 0;
            std::memcpy(&d, &bits, sizeof d);
            return Value(d);
        }
        case Value::Type::Bool: return Value(byte() != 0);
        case Value::Type::Time: return Value(TimeMs{plusBase(base, signedVarint())});
        case Value::Type::List: {
            Value::List l(count());
            for (auto& s : l) s = string();
            return Value(std::move(l));
        }
        case Value::Type::Map: {
            Value::Map m;
            for (std::size_t n = count(); n > 0; --n) {
                std::string k = string();
                m.emplace(std::move(k), value(base, depth + 1));
            }
            return Value(std::move(m));
        }
        }
        fail("unknown value type " + std::to_string(type));
    }
    [[noreturn]] void fail(const std::string& what) const
    {
        throw ProfileException("malformed stored profile (" + what + " at byte " + std::to_string(_i) + ")");
    }

private:
    const std::string& _in;
    std::size_t _i = 0;
};

bool validKind(unsigned char k) { return k <= static_cast<unsigned char>(FieldKind::MapValue); }
bool validOp(unsigned char o) { return o <= static_cast<unsigned char>(MergeOp::Capped); }

} // namespace

std::string ProfileCodec::encode(const Profile& profile)
{
    std::string out;
    out.reserve(64 + 48 * profile.fields().size());
    Writer w(out);
    w.byte(kVersion);
    w.varint(profile.fields().size());
    for (const auto& [name, f] : profile.fields()) {
        const std::int64_t base = f.updated().ms;
        w.string(name);
        w.byte(static_cast<unsigned char>(f.kind()));
        w.byte(static_cast<unsigned char>(f.mergeOp()));
        w.byte(f.empty() ? 0 : 1);
        w.signedVarint(base);
        w.signedVarint(minusBase(f.valueTime().ms, base));
        if (lql::isScalarKind(f.kind())) {
            w.value(f.scalar(), base);
        } else {
            w.varint(f.entries().size());
            for (const auto& [key, e] : f.entries()) {
                w.string(key);
                w.value(e.value, base);
                w.signedVarint(minusBase(e.first.ms, base));
                w.signedVarint(minusBase(e.last.ms, base));
            }
        }
    }
    return out;
}

Profile ProfileCodec::decode(const std::string& bytes)
{
    if (!bytes.empty() && bytes.front() == '{') return Profile::fromJson(bytes); // written before version 1
    Reader r(bytes);
    unsigned char version = r.byte();
    if (version != kVersion) r.fail("unknown format version " + std::to_string(version));
    Profile p;
    const std::size_t fields = r.count();
    p.reserveFields(fields);
    for (std::size_t n = fields; n > 0; --n) {
        std::string name = r.string();
        unsigned char kind = r.byte(), op = r.byte();
        if (!validKind(kind) || !validOp(op)) r.fail("unknown kind or operator of field '" + name + "'");
        const bool has = r.byte() != 0;
        const std::int64_t base = r.signedVarint();
        const TimeMs valueTime{plusBase(base, r.signedVarint())};
        Value scalar;
        FlatMap<FieldValue::Entry> entries;
        if (lql::isScalarKind(static_cast<FieldKind>(kind))) {
            scalar = r.value(base, 0);
        } else {
            const std::size_t count = r.count();
            entries.reserve(count);
            for (std::size_t m = count; m > 0; --m) {
                std::string key = r.string();
                Value v = r.value(base, 0);
                TimeMs first{plusBase(base, r.signedVarint())};
                TimeMs last{plusBase(base, r.signedVarint())};
                entries.emplace(std::move(key), FieldValue::Entry{std::move(v), first, last});
            }
        }
        p.restoreField(std::move(name),
                       FieldValue::restore(static_cast<FieldKind>(kind), static_cast<MergeOp>(op), has, std::move(scalar),
                                           valueTime, TimeMs{base}, std::move(entries)));
    }
    if (!r.atEnd()) r.fail("bytes after the last field");
    return p;
}

} // namespace jobhost::host::profiles
