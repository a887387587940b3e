// Evaluator.h — jobhost lql: evaluates expressions with qlbridge semantics (§2.3, §8.2).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/EvalClock.h"
#include "lql/Expr.h"
#include "lql/FieldSource.h"

#include <optional>
#include <string>

namespace jobhost::host::lql {

// Stateless evaluator (static, thread-safe, never throws for data errors).
// A result is (value, ok): std::nullopt means "not ok" (cannot be evaluated).
//
// Rules (qlbridge vm): a missing field reads as nil; with nil on either side
// `==` is false, `!=` true, ordering comparisons false, IN/CONTAINS/LIKE
// false, EXISTS false. AND is not ok if any child is not ok (after the
// first false it stops); OR skips children that are not ok; NOT of a not-ok
// value is not ok. Strings compare exactly (case-sensitive); numbers against
// strings parse the string; times compare at whole seconds and accept date
// math ("now-30d", relative to clock.now) or any parseable date. Sets match
// IN/INTERSECTS/CONTAINS/LIKE when any element does, never `==`; maps match
// IN on their keys; `m.key` reads one entry. LIKE is a glob with '/' as the
// separator ('*' and '?' do not cross '/', '**' does; '%' means '*').
// BETWEEN is exclusive at both ends.
class Evaluator {
public:
    static std::optional<Value> evaluate(const Expr& expr, const FieldSource& source, const EvalClock& clock);

    // True only when the result is ok and boolean true (guards, WHERE, audiences).
    static bool isTrue(const Expr& expr, const FieldSource& source, const EvalClock& clock);

    // The glob matcher used by LIKE (mb0/glob semantics with '/' separator).
    static bool globMatch(const std::string& pattern, const std::string& text);
};

} // namespace jobhost::host::lql
