// Value.h — jobhost lql: the dynamic value the expression engine computes with.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace jobhost::host::lql {

// A point in time, UTC, in Unix milliseconds.
struct TimeMs {
    std::int64_t ms = 0;
    bool operator==(const TimeMs&) const = default;
};

// A dynamic value: nil, string, int64, double, bool, time, list of strings, or
// a map from string to Value. Plain value type (copyable, no shared state);
// not synchronised — share between threads only as const.
class Value {
public:
    enum class Type { Nil, String, Int, Number, Bool, Time, List, Map };
    using List = std::vector<std::string>;
    using Map = std::map<std::string, Value>;

    Value() = default;
    Value(std::string s) : _v(std::move(s)) {}
    Value(const char* s) : _v(std::string(s)) {}
    Value(std::int64_t i) : _v(i) {}
    Value(int i) : _v(static_cast<std::int64_t>(i)) {}
    Value(double d) : _v(d) {}
    Value(bool b) : _v(b) {}
    Value(TimeMs t) : _v(t) {}
    Value(List l) : _v(std::move(l)) {}
    Value(Map m) : _v(std::move(m)) {}

    Type type() const { return static_cast<Type>(_v.index()); }
    bool isNil() const { return type() == Type::Nil; }
    // qlbridge's nil rule: nil, "", an empty list or map, or a zero time.
    bool isEmpty() const;

    // Accessors; each throws LqlException when the type does not match.
    const std::string& asString() const;
    std::int64_t asInt() const;
    double asNumber() const;
    bool asBool() const;
    TimeMs asTime() const;
    const List& asList() const;
    const Map& asMap() const;

    // qlbridge ToString: ints in decimal, floats as Go %v, time as epoch ms,
    // a list gives its first element, nil gives "". Maps give "".
    std::string toString() const;
    // Human/debug rendering used in messages (maps and lists in JSON-ish form).
    std::string debugString() const;

    bool operator==(const Value& other) const { return _v == other._v; }

private:
    std::variant<std::monostate, std::string, std::int64_t, double, bool, TimeMs, List, Map> _v;
};

// Formats a double like Go's fmt %v (strconv 'g', shortest round-trip digits,
// exponent form "1e+06" when the decimal exponent is < -4 or >= 6).
std::string formatGoFloat(double d);

} // namespace jobhost::host::lql
