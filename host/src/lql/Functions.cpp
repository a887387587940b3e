// Functions.cpp — jobhost lql: the built-in functions of the expression engine (§3).
// SPDX-License-Identifier: Apache-2.0
#include "lql/Functions.h"

#include "lql/DateParser.h"
#include "lql/SipHash.h"

#include <Poco/DigestEngine.h>
#include <Poco/MD5Engine.h>
#include <Poco/SHA1Engine.h>
#include <Poco/SHA2Engine.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace jobhost::host::lql {

namespace {

std::string toLower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

// An atom character per RFC 5322 atext as Go accepts it (non-ASCII allowed).
bool isAtext(unsigned char c)
{
    if (c >= 0x80) return true;
    if (c <= 32 || c == 127) return false;
    static const std::string specials = "()<>[]:;@\\,\"";
    return specials.find(static_cast<char>(c)) == std::string::npos;
}

bool isDotAtom(const std::string& s)
{
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '.') {
            if (s[i + 1] == '.') return false;
        } else if (!isAtext(c)) {
            return false;
        }
    }
    return true;
}

// addr-spec = local "@" domain; returns "local@domain" (quoted local unquoted).
std::optional<std::string> parseAddrSpec(const std::string& spec)
{
    std::string local;
    std::size_t at;
    if (!spec.empty() && spec.front() == '"') {
        std::size_t i = 1;
        for (; i < spec.size() && spec[i] != '"'; ++i) {
            if (spec[i] == '\\' && i + 1 < spec.size()) ++i;
            local += spec[i];
        }
        if (i >= spec.size()) return std::nullopt;
        at = i + 1;
        if (at >= spec.size() || spec[at] != '@' || local.empty()) return std::nullopt;
    } else {
        at = spec.find('@');
        if (at == std::string::npos) return std::nullopt;
        local = spec.substr(0, at);
        if (!isDotAtom(local)) return std::nullopt;
    }
    std::string domain = spec.substr(at + 1);
    if (domain.empty()) return std::nullopt;
    if (domain.front() == '[') {
        if (domain.back() != ']' || domain.size() < 3) return std::nullopt;
        for (std::size_t i = 1; i + 1 < domain.size(); ++i) {
            char c = domain[i];
            if (c == '[' || c == ']' || c == '\\' || static_cast<unsigned char>(c) <= 32) return std::nullopt;
        }
    } else if (!isDotAtom(domain)) {
        return std::nullopt;
    }
    return local + "@" + domain;
}

// A display-name phrase: words (atoms, dots allowed as Go's obsolete phrase)
// and quoted strings; may be empty.
bool isPhrase(const std::string& p)
{
    for (std::size_t i = 0; i < p.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(p[i]);
        if (c == '"') {
            ++i;
            while (i < p.size() && p[i] != '"') {
                if (p[i] == '\\') ++i;
                ++i;
            }
            if (i >= p.size()) return false;
        } else if (c == ' ' || c == '\t' || c == '.') {
            continue;
        } else if (!isAtext(c)) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> parseAddress(const std::string& raw)
{
    std::string s = trim(raw);
    if (s.empty()) return std::nullopt;
    std::size_t lt = std::string::npos;
    bool inQuote = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') inQuote = !inQuote;
        if (s[i] == '\\') ++i;
        else if (s[i] == '<' && !inQuote) {
            lt = i;
            break;
        }
    }
    if (lt == std::string::npos) return parseAddrSpec(s);
    if (!isPhrase(s.substr(0, lt))) return std::nullopt;
    std::size_t gt = s.find('>', lt);
    if (gt == std::string::npos || gt + 1 != s.size()) return std::nullopt;
    return parseAddrSpec(s.substr(lt + 1, gt - lt - 1));
}

std::optional<std::string> firstString(const Value& x)
{
    if (x.type() == Value::Type::String) {
        if (x.asString().empty()) return std::nullopt;
        return x.asString();
    }
    if (x.type() == Value::Type::List) {
        if (x.asList().empty() || x.asList().front().empty()) return std::nullopt;
        return x.asList().front();
    }
    return std::nullopt;
}

int hexVal(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percentDecode(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            int h = hexVal(s[i + 1]);
            int l = hexVal(s[i + 2]);
            if (h < 0 || l < 0) return std::nullopt;
            out += static_cast<char>(h * 16 + l);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string digestHex(Poco::DigestEngine& engine, const std::string& s)
{
    engine.update(s);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// A double whose integer part an int64 holds (casting any other is UB).
bool fitsInt64(double d) { return std::isfinite(d) && d > -9223372036854775808.0 && d < 9223372036854775808.0; }

std::optional<std::int64_t> toInt(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Int: return v.asInt();
    case Value::Type::Number: {
        double d = v.asNumber();
        if (!fitsInt64(d)) return std::nullopt;
        return static_cast<std::int64_t>(std::trunc(d));
    }
    case Value::Type::Bool: return v.asBool() ? 1 : 0;
    case Value::Type::Time: return v.asTime().ms;
    case Value::Type::String:
    case Value::Type::List: {
        std::string s = trim(v.toString());
        if (s.empty()) return std::nullopt;
        try {
            std::size_t pos = 0;
            long long i = std::stoll(s, &pos);
            if (pos == s.size()) return i;
            double d = std::stod(s, &pos);
            if (pos != s.size() || !fitsInt64(d)) return std::nullopt;
            return static_cast<std::int64_t>(std::trunc(d));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    default: return std::nullopt;
    }
}

} // namespace

std::optional<std::string> Functions::email(const Value& x)
{
    auto s = firstString(x);
    if (!s) return std::nullopt;
    auto a = parseAddress(*s);
    if (!a) return std::nullopt;
    return toLower(*a);
}

std::optional<std::string> Functions::emailDomain(const Value& x)
{
    if (x.isEmpty()) return std::nullopt;
    std::string s = toLower(x.toString());
    if (s.empty()) return std::nullopt;
    auto a = parseAddress(s);
    if (!a) return std::nullopt;
    std::size_t at = a->find('@');
    if (at == std::string::npos) return std::nullopt;
    std::string d = a->substr(at + 1);
    if (d.empty()) return std::nullopt;
    return d;
}

std::optional<std::string> Functions::urlMain(const Value& x)
{
    auto in = firstString(x);
    if (!in) return std::nullopt;
    std::string s = *in;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return std::nullopt;
    if (auto h = s.find('#'); h != std::string::npos) s.resize(h);
    // scheme
    std::string rest = s;
    bool hasScheme = false;
    if (!s.empty() && std::isalpha(static_cast<unsigned char>(s[0]))) {
        std::size_t i = 1;
        while (i < s.size()
               && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
            ++i;
        if (i < s.size() && s[i] == ':') {
            hasScheme = true;
            rest = s.substr(i + 1);
        }
    } else if (!s.empty() && s[0] == ':') {
        return std::nullopt; // Go: "missing protocol scheme"
    }
    if (auto q = rest.find('?'); q != std::string::npos) rest.resize(q);
    if (hasScheme && (rest.empty() || rest[0] != '/')) return std::nullopt; // opaque
    std::string host;
    std::string path = rest;
    if (rest.rfind("//", 0) == 0) {
        std::string auth = rest.substr(2);
        std::size_t slash = auth.find('/');
        path = slash == std::string::npos ? std::string() : auth.substr(slash);
        auth = slash == std::string::npos ? auth : auth.substr(0, slash);
        if (auto at = auth.rfind('@'); at != std::string::npos) auth = auth.substr(at + 1);
        // Go (RFC 3986): in a host, %-escapes may only encode non-ASCII bytes,
        // except %25; the port after the last ':' must be digits.
        for (std::size_t i = 0; i < auth.size(); ++i) {
            if (auth[i] != '%') continue;
            if (i + 2 >= auth.size() || hexVal(auth[i + 1]) < 0 || hexVal(auth[i + 2]) < 0) return std::nullopt;
            if (hexVal(auth[i + 1]) < 8 && auth.compare(i, 3, "%25") != 0) return std::nullopt;
        }
        std::size_t close = auth.rfind(']');
        std::size_t colon = auth.rfind(':');
        if (colon != std::string::npos && (close == std::string::npos || colon > close)) {
            for (std::size_t i = colon + 1; i < auth.size(); ++i)
                if (!std::isdigit(static_cast<unsigned char>(auth[i]))) return std::nullopt;
        }
        auto decodedHost = percentDecode(auth);
        if (!decodedHost) return std::nullopt;
        host = *decodedHost;
    } else if (!hasScheme) {
        // A relative reference: a colon in the first segment makes Go fail.
        std::size_t slash = rest.find('/');
        std::string first = slash == std::string::npos ? rest : rest.substr(0, slash);
        if (first.find(':') != std::string::npos) return std::nullopt;
    }
    auto decoded = percentDecode(path);
    if (!decoded) return std::nullopt;
    std::string out = host + *decoded;
    if (out.empty()) return std::nullopt;
    return out;
}

std::optional<std::int64_t> Functions::hash(const Value& x)
{
    auto s = firstString(x);
    if (!s) return std::nullopt;
    return SipHash::qlbridgeHash(*s);
}

int Functions::hourOfDay(TimeMs t)
{
    std::int64_t msInDay = ((t.ms % 86400000) + 86400000) % 86400000;
    return static_cast<int>(msInDay / 3600000);
}

int Functions::hourOfWeek(TimeMs t)
{
    std::int64_t days = t.ms >= 0 ? t.ms / 86400000 : -((-t.ms + 86399999) / 86400000);
    int wd = static_cast<int>(((days + 4) % 7 + 7) % 7);
    return wd * 24 + hourOfDay(t);
}

std::string Functions::yymm(TimeMs t)
{
    std::int64_t days = t.ms >= 0 ? t.ms / 86400000 : -((-t.ms + 86399999) / 86400000);
    std::int64_t y;
    unsigned m, d;
    DateParser::civilFromDays(days, y, m, d);
    int yy = static_cast<int>(((y % 100) + 100) % 100);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d%02u", yy, m);
    return buf;
}

std::optional<TimeMs> Functions::toTime(const Value& v, TimeMs now)
{
    switch (v.type()) {
    case Value::Type::Time: return v.asTime();
    case Value::Type::Int: return DateParser::fromEpochDigits(v.asInt());
    case Value::Type::Number:
        if (!std::isfinite(v.asNumber())) return std::nullopt;
        return DateParser::fromEpochDigits(static_cast<std::int64_t>(v.asNumber()));
    case Value::Type::String:
    case Value::Type::List: {
        std::string s = v.toString();
        if (s.empty()) return std::nullopt;
        return DateParser::parseWithNow(s, now);
    }
    default: return std::nullopt;
    }
}

namespace {
const std::set<std::string>& knownNames()
{
    static const std::set<std::string> names = {
        "email", "emaildomain", "urlmain", "hash", "hash.sip", "hash.md5", "hash.sha1", "hash.sha256",
        "hash.sha512", "set", "map", "count", "valuect", "epochms", "now", "hourofday", "hourofweek", "yymm",
        "mm", "monthofyear", "todate", "toint", "tostring", "tonumber", "split", "tolower", "toupper", "min",
        "max"};
    return names;
}
} // namespace

bool Functions::isKnown(const std::string& name) { return knownNames().count(name) != 0; }

std::optional<Value> Functions::call(const std::string& name, const std::vector<Value>& args, const EvalClock& clock)
{
    auto arg = [&](std::size_t i) -> const Value& {
        static const Value nil;
        return i < args.size() ? args[i] : nil;
    };
    // Date argument or the event timestamp when absent.
    auto dateArg = [&]() -> std::optional<TimeMs> {
        if (args.empty()) return clock.eventTime;
        return toTime(args[0], clock.now);
    };

    if (name == "email") {
        if (auto r = email(arg(0))) return Value(*r);
        return std::nullopt;
    }
    if (name == "emaildomain") {
        if (auto r = emailDomain(arg(0))) return Value(*r);
        return std::nullopt;
    }
    if (name == "urlmain") {
        if (auto r = urlMain(arg(0))) return Value(*r);
        return std::nullopt;
    }
    if (name == "hash" || name == "hash.sip") {
        if (auto r = hash(arg(0))) return Value(*r);
        return std::nullopt;
    }
    if (name == "hash.md5" || name == "hash.sha1" || name == "hash.sha256" || name == "hash.sha512") {
        auto s = firstString(arg(0));
        if (!s) return std::nullopt;
        if (name == "hash.md5") {
            Poco::MD5Engine e;
            return Value(digestHex(e, *s));
        }
        if (name == "hash.sha1") {
            Poco::SHA1Engine e;
            return Value(digestHex(e, *s));
        }
        Poco::SHA2Engine e(name == "hash.sha256" ? Poco::SHA2Engine::SHA_256 : Poco::SHA2Engine::SHA_512);
        return Value(digestHex(e, *s));
    }
    if (name == "set") {
        Value::List items;
        for (const auto& a : args) {
            if (a.type() == Value::Type::List) {
                for (const auto& e : a.asList())
                    if (!e.empty()) items.push_back(e);
            } else if (a.type() != Value::Type::Map && !a.isNil()) {
                std::string s = a.type() == Value::Type::Time ? std::to_string(a.asTime().ms) : a.toString();
                if (!s.empty()) items.push_back(s);
            }
        }
        if (items.empty()) return std::nullopt;
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        return Value(std::move(items));
    }
    if (name == "map") {
        if (args.size() != 2 || arg(0).isEmpty() || arg(1).isEmpty()) return std::nullopt;
        std::string k = arg(0).toString();
        if (k.empty()) return std::nullopt;
        Value::Map m;
        m.emplace(k, arg(1));
        return Value(std::move(m));
    }
    if (name == "count") {
        if (arg(0).isEmpty()) return std::nullopt;
        return Value(std::int64_t{1});
    }
    if (name == "valuect") {
        if (arg(0).isEmpty()) return std::nullopt;
        std::string k = arg(0).toString();
        if (k.empty()) return std::nullopt;
        Value::Map m;
        m.emplace(k, Value(std::int64_t{1}));
        return Value(std::move(m));
    }
    if (name == "epochms") return Value(clock.eventTime.ms);
    if (name == "now") return Value(clock.now);
    if (name == "hourofday" || name == "hourofweek" || name == "yymm" || name == "mm" || name == "monthofyear") {
        auto t = dateArg();
        if (!t) return std::nullopt;
        if (name == "hourofday") return Value(std::int64_t{hourOfDay(*t)});
        if (name == "hourofweek") return Value(std::int64_t{hourOfWeek(*t)});
        if (name == "yymm") return Value(yymm(*t));
        std::string ym = yymm(*t);
        return Value(static_cast<std::int64_t>(std::stoi(ym.substr(2))));
    }
    if (name == "todate") {
        if (args.size() == 2) {
            auto layout = firstString(arg(0));
            auto text = firstString(arg(1));
            if (!layout || !text) return std::nullopt;
            if (auto t = DateParser::parseLayout(*layout, *text)) return Value(*t);
            return std::nullopt;
        }
        if (arg(0).isEmpty()) return std::nullopt;
        if (auto t = toTime(arg(0), clock.now)) return Value(*t);
        return std::nullopt;
    }
    if (name == "toint") {
        if (auto i = toInt(arg(0))) return Value(*i);
        return std::nullopt;
    }
    if (name == "tonumber") {
        const Value& a = arg(0);
        if (a.type() == Value::Type::Int || a.type() == Value::Type::Number) return Value(a.asNumber());
        std::string s = trim(a.toString());
        if (s.empty()) return std::nullopt;
        try {
            std::size_t pos = 0;
            double d = std::stod(s, &pos);
            if (pos != s.size()) return std::nullopt;
            return Value(d);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    if (name == "tostring") {
        if (arg(0).isEmpty()) return std::nullopt;
        return Value(arg(0).toString());
    }
    if (name == "tolower" || name == "toupper") {
        if (arg(0).isEmpty()) return std::nullopt;
        std::string s = arg(0).toString();
        for (auto& c : s)
            c = static_cast<char>(name == "tolower" ? std::tolower(static_cast<unsigned char>(c))
                                                    : std::toupper(static_cast<unsigned char>(c)));
        return Value(s);
    }
    if (name == "split") {
        auto s = firstString(arg(0));
        std::string sep = arg(1).toString();
        if (!s || sep.empty()) return std::nullopt;
        Value::List parts;
        std::size_t start = 0;
        while (true) {
            std::size_t p = s->find(sep, start);
            std::string part = s->substr(start, p == std::string::npos ? std::string::npos : p - start);
            if (!part.empty()) parts.push_back(part);
            if (p == std::string::npos) break;
            start = p + sep.size();
        }
        if (parts.empty()) return std::nullopt;
        return Value(std::move(parts));
    }
    if (name == "min" || name == "max") {
        // Profile aggregates: the per-event value; the MIN/MAX merge is chosen
        // from the function name when the column is compiled.
        if (arg(0).isEmpty()) return std::nullopt;
        return arg(0);
    }
    return std::nullopt;
}

} // namespace jobhost::host::lql
