// FilterQuery.h — jobhost lql: a parsed FilterQL audience definition.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Expr.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace jobhost::host::lql {

// `FILTER <phrase> [FROM user] [LIMIT n] [WITH k = literal, ...] [ALIAS slug]`
// (§8.1). Plain value type; the expression is shared and immutable.
struct FilterQuery {
    ExprPtr filter;
    std::string from = "user";
    std::optional<std::int64_t> limit;
    std::map<std::string, Value> with;
    std::string alias;
    // True when the expression contains date math ("now-30d") or now(), so
    // its result can change without a profile change (§8.3).
    bool usesNow = false;
};

} // namespace jobhost::host::lql
