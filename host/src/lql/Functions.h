// Functions.h — jobhost lql: the built-in functions of the expression engine (§3).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/EvalClock.h"
#include "lql/Value.h"

#include <optional>
#include <string>
#include <vector>

namespace jobhost::host::lql {

// The built-in functions, with qlbridge/Lytics semantics. All static,
// stateless and thread-safe. "Fails" in the spec is std::nullopt here: the
// column then writes nothing. Nothing in this class throws for bad input.
//
// Logic functions (eq, ne, gt, ge, lt, le, exists, not, contains,
// hasprefix, hassuffix) are evaluated by Evaluator, which owns the
// comparison rules; this class covers the rest.
class Functions {
public:
    // email(x) §3.1: the address part, lower-cased; lists use their first element.
    static std::optional<std::string> email(const Value& x);
    // emaildomain(x) §3.2: lower-case first, then everything after the first '@'.
    static std::optional<std::string> emailDomain(const Value& x);
    // urlmain(x) §3.8: host (with port) + percent-decoded path, Go net/url rules.
    static std::optional<std::string> urlMain(const Value& x);
    // hash(x) = hash.sip(x) §3.7: SipHash-2-4 (0,1) as signed int64; strings
    // and lists (first element) only, empty fails.
    static std::optional<std::int64_t> hash(const Value& x);
    // hourofday §3.10 (0..23 UTC), hourofweek §3.11 (Sunday 0 .. 167), yymm §3.12.
    static int hourOfDay(TimeMs t);
    static int hourOfWeek(TimeMs t);
    static std::string yymm(TimeMs t);
    // Converts a value to a time: time as-is, int/float by digit length,
    // string by date math (relative to now) or the lenient parser.
    static std::optional<TimeMs> toTime(const Value& v, TimeMs now);

    // True when name (lower-case, e.g. "hash.sip") is a function this class evaluates.
    static bool isKnown(const std::string& name);
    // Calls a function by name with evaluated arguments (missing fields are
    // nil values). nullopt = fails / not ok. Unknown names give nullopt;
    // Parser rejects them earlier.
    static std::optional<Value> call(const std::string& name, const std::vector<Value>& args,
                                     const EvalClock& clock);
};

} // namespace jobhost::host::lql
