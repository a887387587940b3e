// ValueCoercion.cpp — jobhost profiles: coercing computed values to field kinds (§5).
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ValueCoercion.h"

#include "lql/DateParser.h"
#include "lql/Functions.h"

#include <algorithm>
#include <cmath>

namespace jobhost::host::profiles {

namespace {

std::optional<Value> toIntValue(const Value& v)
{
    auto r = lql::Functions::call("toint", {v}, lql::EvalClock{});
    if (!r || r->type() != Value::Type::Int) return std::nullopt;
    return r;
}

std::optional<Value> toNumberValue(const Value& v)
{
    if (v.type() == Value::Type::Int || v.type() == Value::Type::Number) return Value(v.asNumber());
    if (v.type() != Value::Type::String) return std::nullopt;
    std::string s;
    const std::string& in = v.asString();
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '$' || c == ',' || c == ' ') continue;
        if (in.compare(i, 2, "£") == 0) { // UTF-8 C2 A3
            ++i;
            continue;
        }
        if (in.compare(i, 3, "€") == 0) { // UTF-8 E2 82 AC
            i += 2;
            continue;
        }
        s += c;
    }
    if (s.empty()) return std::nullopt;
    try {
        std::size_t pos = 0;
        double d = std::stod(s, &pos);
        if (pos != s.size() || !std::isfinite(d)) return std::nullopt;
        return Value(d);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<Value> scalar(const Value& v, FieldKind kind, TimeMs now)
{
    if (v.isEmpty()) return std::nullopt;
    switch (kind) {
    case FieldKind::String:
        if (v.type() == Value::Type::Time) return Value(lql::DateParser::formatRfc3339(v.asTime()));
        if (v.type() == Value::Type::Map) return std::nullopt;
        return Value(v.toString());
    case FieldKind::Int: return toIntValue(v);
    case FieldKind::Number: return toNumberValue(v);
    case FieldKind::Bool:
        if (v.type() == Value::Type::Bool) return v;
        if (v.type() == Value::Type::Int) return Value(v.asInt() != 0);
        if (v.type() == Value::Type::String) {
            std::string s = v.asString();
            std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
            if (s == "true" || s == "t" || s == "1") return Value(true);
            if (s == "false" || s == "f" || s == "0") return Value(false);
        }
        return std::nullopt;
    case FieldKind::Date: {
        auto t = lql::Functions::toTime(v, now);
        if (!t || t->ms == 0) return std::nullopt;
        return Value(*t);
    }
    default: return std::nullopt;
    }
}

FieldKind mapValueKind(FieldKind kind)
{
    switch (kind) {
    case FieldKind::MapInt:
    case FieldKind::MapIntSum: return FieldKind::Int;
    case FieldKind::MapNumber: return FieldKind::Number;
    case FieldKind::MapString: return FieldKind::String;
    case FieldKind::MapBool: return FieldKind::Bool;
    case FieldKind::MapTime: return FieldKind::Date;
    default: return FieldKind::String;
    }
}

} // namespace

std::optional<Value> ValueCoercion::coerce(const Value& value, FieldKind kind, TimeMs now)
{
    if (value.isEmpty()) return std::nullopt;
    if (lql::isScalarKind(kind)) return scalar(value, kind, now);
    if (kind == FieldKind::StringSet || kind == FieldKind::TsStringSet || kind == FieldKind::TimeList) {
        Value::List in;
        if (value.type() == Value::Type::List) {
            in = value.asList();
        } else if (value.type() == Value::Type::Map) {
            return std::nullopt;
        } else if (kind == FieldKind::TimeList && value.type() == Value::Type::Time) {
            in.push_back(std::to_string(value.asTime().ms));
        } else {
            auto s = scalar(value, FieldKind::String, now);
            if (!s) return std::nullopt;
            in.push_back(s->asString());
        }
        Value::List out;
        for (const auto& e : in) {
            if (e.empty()) continue;
            if (kind == FieldKind::TimeList) {
                auto t = lql::Functions::toTime(Value(e), now);
                if (!t) continue;
                out.push_back(std::to_string(t->ms));
            } else {
                out.push_back(e);
            }
        }
        if (out.empty()) return std::nullopt;
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return Value(std::move(out));
    }
    // Maps.
    if (value.type() != Value::Type::Map) return std::nullopt;
    Value::Map out;
    for (const auto& [k, v] : value.asMap()) {
        if (k.empty()) continue;
        if (kind == FieldKind::MapValue) {
            if (!v.isEmpty()) out.emplace(k, v);
            continue;
        }
        std::optional<Value> c = scalar(v, mapValueKind(kind), now);
        if (c.has_value()) out.insert_or_assign(k, std::move(c).value());
    }
    if (out.empty()) return std::nullopt;
    std::optional<Value> result;
    result.emplace(std::move(out));
    return result;
}

} // namespace jobhost::host::profiles
