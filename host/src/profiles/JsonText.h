// JsonText.h — jobhost profiles: small helpers to write JSON text deterministically.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Value.h"

#include <cstdint>
#include <string>

namespace jobhost::host::profiles {

// The expression engine's types this header speaks in.
using lql::TimeMs;
using lql::Value;

// Stateless, thread-safe JSON text helpers (Poco's stringifier escapes '/'
// and reorders nothing predictably enough for golden output, so the
// profiles engine writes its own text and reads with Poco::JSON::Parser).
class JsonText {
public:
    // A JSON string literal with RFC 8259 escapes (UTF-8 passed through).
    static std::string quote(const std::string& s);
    // The same literal appended to out (no temporaries; the hot path of
    // profile serialisation).
    static void appendQuoted(std::string& out, const std::string& s);
    // The decimal digits of i appended to out.
    static void appendInt(std::string& out, std::int64_t i);
    // A double that reads back as a double: shortest round-trip digits,
    // always with '.' or an exponent; NaN/Inf become null.
    static std::string number(double d);
    // The "plain" rendering of a value: times as RFC3339 strings, lists as
    // arrays, maps as objects with sorted keys.
    static std::string plain(const Value& v);
};

} // namespace jobhost::host::profiles
