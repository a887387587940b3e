// JsonText.cpp — jobhost profiles: small helpers to write JSON text deterministically.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/JsonText.h"

#include "lql/DateParser.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace jobhost::host::profiles {

std::string JsonText::quote(const std::string& s)
{
    std::string out;
    appendQuoted(out, s);
    return out;
}

void JsonText::appendQuoted(std::string& out, const std::string& s)
{
    out += '"';
    std::size_t plainFrom = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        }
        }
    }
    out.append(s, plainFrom, std::string::npos);
    out += '"';
}

void JsonText::appendInt(std::string& out, std::int64_t i)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, i);
    out.append(buf, r.ptr);
}

std::string JsonText::number(double d)
{
    if (!std::isfinite(d)) return "null";
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, r.ptr);
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
}

std::string JsonText::plain(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Nil: return "null";
    case Value::Type::String: return quote(v.asString());
    case Value::Type::Int: return std::to_string(v.asInt());
    case Value::Type::Number: return number(v.asNumber());
    case Value::Type::Bool: return v.asBool() ? "true" : "false";
    case Value::Type::Time: return quote(lql::DateParser::formatRfc3339(v.asTime()));
    case Value::Type::List: {
        std::string s = "[";
        for (const auto& e : v.asList()) s += (s.size() > 1 ? ", " : "") + quote(e);
        return s + "]";
    }
    case Value::Type::Map: {
        std::string s = "{";
        for (const auto& [k, x] : v.asMap()) s += (s.size() > 1 ? ", " : "") + quote(k) + ": " + plain(x);
        return s + "}";
    }
    }
    return "null";
}

} // namespace jobhost::host::profiles
