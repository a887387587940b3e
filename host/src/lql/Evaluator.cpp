// Evaluator.cpp — jobhost lql: evaluates expressions with qlbridge semantics (§2.3, §8.2).
// SPDX-License-Identifier: Apache-2.0
#include "lql/Evaluator.h"

#include "lql/DateParser.h"
#include "lql/Functions.h"

#include <cmath>
#include <map>

namespace jobhost::host::lql {

namespace {

using Opt = std::optional<Value>;

bool isNumeric(const Value& v) { return v.type() == Value::Type::Int || v.type() == Value::Type::Number; }

// A string as a number: whole string must parse. Int when it has no fraction/exponent.
std::optional<Value> parseNumber(const std::string& s)
{
    if (s.empty()) return std::nullopt;
    try {
        std::size_t pos = 0;
        if (s.find_first_of(".eE") == std::string::npos) {
            long long i = std::stoll(s, &pos);
            if (pos == s.size()) return Value(static_cast<std::int64_t>(i));
        }
        double d = std::stod(s, &pos);
        if (pos == s.size()) return Value(d);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<Value> asNumeric(const Value& v)
{
    if (isNumeric(v)) return v;
    if (v.type() == Value::Type::String) return parseNumber(v.asString());
    return std::nullopt;
}

std::optional<bool> asBoolean(const Value& v)
{
    if (v.type() == Value::Type::Bool) return v.asBool();
    if (v.type() == Value::Type::String) {
        const std::string& s = v.asString();
        if (s == "true" || s == "TRUE" || s == "True" || s == "t" || s == "1") return true;
        if (s == "false" || s == "FALSE" || s == "False" || s == "f" || s == "0") return false;
    }
    return std::nullopt;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Three-way comparison of two scalar values; nullopt when they cannot be compared.
std::optional<int> order(const Value& l, const Value& r, TimeMs now)
{
    using T = Value::Type;
    if (l.isNil() || r.isNil() || l.type() == T::List || r.type() == T::List || l.type() == T::Map
        || r.type() == T::Map)
        return std::nullopt;
    if (l.type() == T::Time || r.type() == T::Time) {
        auto lt = Functions::toTime(l, now);
        auto rt = Functions::toTime(r, now);
        if (!lt || !rt) return std::nullopt;
        std::int64_t a = floorDiv(lt->ms, 1000), b = floorDiv(rt->ms, 1000);
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    if (isNumeric(l) || isNumeric(r)) {
        auto a = asNumeric(l), b = asNumeric(r);
        if (!a || !b) return std::nullopt;
        if (a->type() == T::Int && b->type() == T::Int) {
            return a->asInt() < b->asInt() ? -1 : (a->asInt() > b->asInt() ? 1 : 0);
        }
        double x = a->asNumber(), y = b->asNumber();
        if (std::isnan(x) || std::isnan(y)) return std::nullopt;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (l.type() == T::Bool || r.type() == T::Bool) {
        auto a = asBoolean(l), b = asBoolean(r);
        if (!a || !b) return std::nullopt;
        return *a == *b ? 0 : (*a ? 1 : -1);
    }
    int c = l.asString().compare(r.asString());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool compareOp(const std::string& op, const Value& l, const Value& r, TimeMs now)
{
    if (op == "!=") {
        auto o = order(l, r, now);
        return !(o && *o == 0);
    }
    auto o = order(l, r, now);
    if (!o) return false;
    if (op == "==") return *o == 0;
    if (op == "<") return *o < 0;
    if (op == "<=") return *o <= 0;
    if (op == ">") return *o > 0;
    if (op == ">=") return *o >= 0;
    return false;
}

bool equalsItem(const Value& v, const Value& item, TimeMs now)
{
    if (item.type() == Value::Type::List) {
        for (const auto& e : item.asList())
            if (compareOp("==", v, Value(e), now)) return true;
        return false;
    }
    if (item.type() == Value::Type::Map) {
        for (const auto& [k, x] : item.asMap())
            if (compareOp("==", v, Value(k), now)) return true;
        return false;
    }
    return compareOp("==", v, item, now);
}

Opt arithmetic(const std::string& op, const Value& l, const Value& r)
{
    auto a = asNumeric(l), b = asNumeric(r);
    if (!a || !b) return std::nullopt;
    if (a->type() == Value::Type::Int && b->type() == Value::Type::Int) {
        std::int64_t x = a->asInt(), y = b->asInt();
        if (op == "+") return Value(x + y);
        if (op == "-") return Value(x - y);
        if (op == "*") return Value(x * y);
        if (y == 0) return std::nullopt;
        if (op == "/") return Value(x / y);
        if (op == "%") return Value(x % y);
        return std::nullopt;
    }
    double x = a->asNumber(), y = b->asNumber();
    if (op == "+") return Value(x + y);
    if (op == "-") return Value(x - y);
    if (op == "*") return Value(x * y);
    if (y == 0) return std::nullopt;
    if (op == "/") return Value(x / y);
    if (op == "%") return Value(std::fmod(x, y));
    return std::nullopt;
}

bool globAt(const std::string& p, std::size_t pi, const std::string& s, std::size_t si)
{
    while (pi < p.size()) {
        char c = p[pi];
        if (c == '*') {
            bool dbl = pi + 1 < p.size() && p[pi + 1] == '*';
            std::size_t next = pi + (dbl ? 2 : 1);
            while (next < p.size() && p[next] == '*') ++next; // *** behaves like **
            for (std::size_t k = si; k <= s.size(); ++k) {
                if (globAt(p, next, s, k)) return true;
                if (!dbl && k < s.size() && s[k] == '/') break;
            }
            return false;
        }
        if (si >= s.size()) return false;
        if (c == '?') {
            if (s[si] == '/') return false;
            ++pi;
            ++si;
            continue;
        }
        if (c == '[') {
            std::size_t j = pi + 1;
            bool negate = j < p.size() && (p[j] == '^' || p[j] == '!');
            if (negate) ++j;
            bool matched = false;
            bool first = true;
            while (j < p.size() && (p[j] != ']' || first)) {
                first = false;
                char lo = p[j];
                if (lo == '\\' && j + 1 < p.size()) lo = p[++j];
                char hi = lo;
                if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
                    hi = p[j + 2];
                    if (hi == '\\' && j + 3 < p.size()) {
                        hi = p[j + 3];
                        ++j;
                    }
                    j += 2;
                }
                if (s[si] >= lo && s[si] <= hi) matched = true;
                ++j;
            }
            if (j >= p.size()) return false; // unterminated class: no match
            if (matched == negate) return false;
            pi = j + 1;
            ++si;
            continue;
        }
        if (c == '\\' && pi + 1 < p.size()) c = p[++pi];
        if (s[si] != c) return false;
        ++pi;
        ++si;
    }
    return si == s.size();
}

struct Ctx {
    const FieldSource& source;
    const EvalClock& clock;
};

Opt eval(const Expr& e, const Ctx& ctx);

Opt evalLogicCall(const Expr& e, const Ctx& ctx, bool& handled)
{
    handled = true;
    const std::string& f = e.name;
    if (f == "exists") {
        if (e.args.size() != 1) return std::nullopt;
        auto v = eval(*e.args[0], ctx);
        return Value(v.has_value() && !v->isNil());
    }
    if (f == "any" || f == "all") {
        bool any = false, all = true;
        for (const auto& a : e.args) {
            auto v = eval(*a, ctx);
            bool present = v && !v->isEmpty();
            any = any || present;
            all = all && present;
        }
        return Value(f == "any" ? any : all);
    }
    static const std::map<std::string, std::string> cmp = {{"eq", "=="}, {"ne", "!="}, {"gt", ">"},
                                                           {"ge", ">="}, {"lt", "<"},  {"le", "<="}};
    if (auto it = cmp.find(f); it != cmp.end()) {
        if (e.args.size() != 2) return std::nullopt;
        auto l = eval(*e.args[0], ctx), r = eval(*e.args[1], ctx);
        if (!l || !r) return std::nullopt;
        return Value(compareOp(it->second, *l, *r, ctx.clock.now));
    }
    if (f == "not") {
        if (e.args.size() != 1) return std::nullopt;
        auto v = eval(*e.args[0], ctx);
        if (!v || v->type() != Value::Type::Bool) return std::nullopt;
        return Value(!v->asBool());
    }
    if (f == "contains" || f == "hasprefix" || f == "hassuffix") {
        if (e.args.size() != 2) return std::nullopt;
        auto l = eval(*e.args[0], ctx), r = eval(*e.args[1], ctx);
        if (!l || !r) return std::nullopt;
        if (l->isNil() || r->isNil()) return Value(false);
        std::string a = l->toString(), b = r->toString();
        if (f == "contains") return Value(a.find(b) != std::string::npos);
        if (f == "hasprefix") return Value(a.rfind(b, 0) == 0);
        return Value(a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0);
    }
    handled = false;
    return std::nullopt;
}

Opt eval(const Expr& e, const Ctx& ctx)
{
    const TimeMs now = ctx.clock.now;
    switch (e.kind) {
    case Expr::Kind::Literal: return e.value;
    case Expr::Kind::Ident: return ctx.source.get(e.name);
    case Expr::Kind::MatchAll: return Value(true);
    case Expr::Kind::Call: {
        bool handled = false;
        Opt r = evalLogicCall(e, ctx, handled);
        if (handled) return r;
        std::vector<Value> args;
        args.reserve(e.args.size());
        for (const auto& a : e.args) {
            auto v = eval(*a, ctx);
            if (!v) return std::nullopt;
            args.push_back(std::move(*v));
        }
        return Functions::call(e.name, args, ctx.clock);
    }
    case Expr::Kind::Not: {
        auto v = eval(*e.args[0], ctx);
        if (!v || v->type() != Value::Type::Bool) return std::nullopt;
        return Value(!v->asBool());
    }
    case Expr::Kind::Negate: {
        auto v = eval(*e.args[0], ctx);
        if (!v) return std::nullopt;
        return arithmetic("-", Value(std::int64_t{0}), *v);
    }
    case Expr::Kind::Binary: {
        auto l = eval(*e.args[0], ctx);
        auto r = eval(*e.args[1], ctx);
        if (!l || !r) return std::nullopt;
        if (e.name == "+" || e.name == "-" || e.name == "*" || e.name == "/" || e.name == "%")
            return arithmetic(e.name, *l, *r);
        return Value(compareOp(e.name, *l, *r, now));
    }
    case Expr::Kind::And: {
        for (const auto& a : e.args) {
            auto v = eval(*a, ctx);
            if (!v || v->type() != Value::Type::Bool) return std::nullopt;
            if (!v->asBool()) return Value(false);
        }
        return Value(true);
    }
    case Expr::Kind::Or: {
        for (const auto& a : e.args) {
            auto v = eval(*a, ctx);
            if (v && v->type() == Value::Type::Bool && v->asBool()) return Value(true);
        }
        return Value(false);
    }
    case Expr::Kind::In: {
        auto l = eval(*e.args[0], ctx);
        if (!l) return std::nullopt;
        bool hit = false;
        if (!l->isNil()) {
            for (std::size_t i = 1; i < e.args.size() && !hit; ++i) {
                auto item = eval(*e.args[i], ctx);
                if (!item || item->isNil()) continue;
                if (l->type() == Value::Type::List) {
                    for (const auto& el : l->asList()) hit = hit || equalsItem(Value(el), *item, now);
                } else if (l->type() == Value::Type::Map) {
                    for (const auto& [k, x] : l->asMap()) hit = hit || equalsItem(Value(k), *item, now);
                } else {
                    hit = equalsItem(*l, *item, now);
                }
            }
        }
        return Value(e.negated ? !hit : hit);
    }
    case Expr::Kind::Contains:
    case Expr::Kind::Like: {
        auto l = eval(*e.args[0], ctx);
        auto r = eval(*e.args[1], ctx);
        if (!l || !r) return std::nullopt;
        bool hit = false;
        if (!l->isNil() && !r->isNil()) {
            std::string needle = r->toString();
            if (e.kind == Expr::Kind::Like)
                for (auto& c : needle)
                    if (c == '%') c = '*';
            auto test = [&](const std::string& s) {
                return e.kind == Expr::Kind::Contains ? s.find(needle) != std::string::npos
                                                      : Evaluator::globMatch(needle, s);
            };
            if (l->type() == Value::Type::List) {
                for (const auto& el : l->asList()) hit = hit || test(el);
            } else if (l->type() == Value::Type::Map) {
                for (const auto& [k, x] : l->asMap()) hit = hit || test(k);
            } else if (l->type() == Value::Type::Time) {
                hit = test(DateParser::formatRfc3339(l->asTime()));
            } else {
                hit = test(l->toString());
            }
        }
        return Value(e.negated ? !hit : hit);
    }
    case Expr::Kind::Between: {
        auto v = eval(*e.args[0], ctx);
        auto lo = eval(*e.args[1], ctx);
        auto hi = eval(*e.args[2], ctx);
        if (!v || !lo || !hi) return std::nullopt;
        auto a = order(*v, *lo, now), b = order(*v, *hi, now);
        bool hit = a && b && *a > 0 && *b < 0;
        return Value(e.negated ? !hit : hit);
    }
    case Expr::Kind::Exists: {
        auto v = eval(*e.args[0], ctx);
        return Value(v.has_value() && !v->isNil());
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<Value> Evaluator::evaluate(const Expr& expr, const FieldSource& source, const EvalClock& clock)
{
    return eval(expr, Ctx{source, clock});
}

bool Evaluator::isTrue(const Expr& expr, const FieldSource& source, const EvalClock& clock)
{
    auto v = evaluate(expr, source, clock);
    return v && v->type() == Value::Type::Bool && v->asBool();
}

bool Evaluator::globMatch(const std::string& pattern, const std::string& text) { return globAt(pattern, 0, text, 0); }

} // namespace jobhost::host::lql
