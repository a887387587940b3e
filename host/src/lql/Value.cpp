// Value.cpp — jobhost lql: the dynamic value the expression engine computes with.
// SPDX-License-Identifier: Apache-2.0
#include "lql/Value.h"

#include "lql/LqlException.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace jobhost::host::lql {

bool Value::isEmpty() const
{
    switch (type()) {
    case Type::Nil: return true;
    case Type::String: return std::get<std::string>(_v).empty();
    case Type::Time: return std::get<TimeMs>(_v).ms == 0;
    case Type::List: return std::get<List>(_v).empty();
    case Type::Map: return std::get<Map>(_v).empty();
    default: return false;
    }
}

namespace {
const char* typeName(Value::Type t)
{
    switch (t) {
    case Value::Type::Nil: return "nil";
    case Value::Type::String: return "string";
    case Value::Type::Int: return "int";
    case Value::Type::Number: return "number";
    case Value::Type::Bool: return "bool";
    case Value::Type::Time: return "time";
    case Value::Type::List: return "list";
    case Value::Type::Map: return "map";
    }
    return "?";
}

[[noreturn]] void wrongType(Value::Type want, Value::Type have)
{
    throw LqlException(std::string("value is a ") + typeName(have) + ", not a " + typeName(want));
}
} // namespace

const std::string& Value::asString() const
{
    if (type() != Type::String) wrongType(Type::String, type());
    return std::get<std::string>(_v);
}
std::int64_t Value::asInt() const
{
    if (type() != Type::Int) wrongType(Type::Int, type());
    return std::get<std::int64_t>(_v);
}
double Value::asNumber() const
{
    if (type() == Type::Int) return static_cast<double>(std::get<std::int64_t>(_v));
    if (type() != Type::Number) wrongType(Type::Number, type());
    return std::get<double>(_v);
}
bool Value::asBool() const
{
    if (type() != Type::Bool) wrongType(Type::Bool, type());
    return std::get<bool>(_v);
}
TimeMs Value::asTime() const
{
    if (type() != Type::Time) wrongType(Type::Time, type());
    return std::get<TimeMs>(_v);
}
const Value::List& Value::asList() const
{
    if (type() != Type::List) wrongType(Type::List, type());
    return std::get<List>(_v);
}
const Value::Map& Value::asMap() const
{
    if (type() != Type::Map) wrongType(Type::Map, type());
    return std::get<Map>(_v);
}

std::string formatGoFloat(double d)
{
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
    if (d == 0) return std::signbit(d) ? "-0" : "0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    // sci looks like "-1.2345e+08"
    std::string sign;
    std::size_t p = 0;
    if (sci[0] == '-') {
        sign = "-";
        p = 1;
    }
    std::size_t e = sci.find('e');
    std::string mant = sci.substr(p, e - p);
    int exp = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (char c : mant)
        if (c != '.') digits += c;
    if (exp < -4 || exp >= 6) {
        std::string out = sign + digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
        return out + eb;
    }
    std::string out;
    if (exp < 0) {
        out = "0." + std::string(static_cast<std::size_t>(-exp - 1), '0') + digits;
    } else {
        std::size_t intLen = static_cast<std::size_t>(exp) + 1;
        if (digits.size() <= intLen) {
            out = digits + std::string(intLen - digits.size(), '0');
        } else {
            out = digits.substr(0, intLen) + "." + digits.substr(intLen);
        }
    }
    return sign + out;
}

std::string Value::toString() const
{
    switch (type()) {
    case Type::Nil: return "";
    case Type::String: return std::get<std::string>(_v);
    case Type::Int: return std::to_string(std::get<std::int64_t>(_v));
    case Type::Number: return formatGoFloat(std::get<double>(_v));
    case Type::Bool: return std::get<bool>(_v) ? "true" : "false";
    case Type::Time: return std::to_string(std::get<TimeMs>(_v).ms);
    case Type::List: {
        const auto& l = std::get<List>(_v);
        return l.empty() ? std::string() : l.front();
    }
    case Type::Map: return "";
    }
    return "";
}

std::string Value::debugString() const
{
    switch (type()) {
    case Type::Nil: return "nil";
    case Type::String: return "\"" + std::get<std::string>(_v) + "\"";
    case Type::List: {
        std::string s = "[";
        for (const auto& e : std::get<List>(_v)) s += (s.size() > 1 ? ",\"" : "\"") + e + "\"";
        return s + "]";
    }
    case Type::Map: {
        std::string s = "{";
        for (const auto& [k, v] : std::get<Map>(_v)) s += (s.size() > 1 ? ",\"" : "\"") + k + "\":" + v.debugString();
        return s + "}";
    }
    case Type::Time: return "time(" + std::to_string(std::get<TimeMs>(_v).ms) + ")";
    default: return toString();
    }
}

} // namespace jobhost::host::lql
