// ValueCoercion.h — jobhost profiles: coercing computed values to field kinds (§5).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/FieldKind.h"
#include "lql/Value.h"

#include <optional>

namespace jobhost::host::profiles {

// The expression engine's types this header speaks in.
using lql::FieldKind;
using lql::TimeMs;
using lql::Value;

// Stateless, thread-safe. Returns std::nullopt when the value cannot be
// coerced or the result is empty (the column then writes nothing).
class ValueCoercion {
public:
    // string: ints decimal, floats Go %v, bools true/false, times RFC3339.
    // int: ints; integer or float strings truncated toward zero.
    // number: ints, floats, strings after removing "$ , £ €" and spaces.
    // bool: bools, "true/false/1/0/t/f", ints (non-zero).
    // date: times; ints/floats by digit length; strings by date math (relative
    // to now) or the lenient parser. []string: lists, or a scalar as one item.
    // map[string]X: each entry coerced to X, failing entries dropped.
    static std::optional<Value> coerce(const Value& value, FieldKind kind, TimeMs now);
};

} // namespace jobhost::host::profiles
