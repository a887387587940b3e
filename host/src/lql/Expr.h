// Expr.h — jobhost lql: the expression AST shared by LQL columns, guards and FilterQL.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Value.h"

#include <memory>
#include <string>
#include <vector>

namespace jobhost::host::lql {

struct Expr;
// Expressions are immutable once parsed and shared between copies of a
// query; safe to evaluate from several threads.
using ExprPtr = std::shared_ptr<const Expr>;

// One AST node. Which members are used depends on kind (see each enum value).
struct Expr {
    enum class Kind {
        Literal,    // value
        Ident,      // name (field name, possibly "map.key")
        Call,       // name (lower-case function name), args
        Not,        // args[0]
        Negate,     // args[0] (unary minus)
        Binary,     // name = op (== != < <= > >= + - * / %), args[0], args[1]
        And,        // args (n-ary, short-circuit)
        Or,         // args (n-ary)
        In,         // args[0] IN args[1..] (negated for NOT IN); INTERSECTS is the same node
        Contains,   // args[0] CONTAINS args[1]
        Like,       // args[0] LIKE args[1]
        Between,    // args[0] BETWEEN args[1] AND args[2]
        Exists,     // EXISTS args[0]
        MatchAll    // FILTER * / match_all
    };

    Kind kind = Kind::Literal;
    std::string name;
    Value value;
    std::vector<ExprPtr> args;
    bool negated = false; // NOT IN / NOT LIKE / NOT CONTAINS / NOT BETWEEN
    int line = 0;
    int column = 0;

    // Canonical text form, e.g. (event_type == "open"); used in messages and tests.
    std::string toString() const;
};

} // namespace jobhost::host::lql
