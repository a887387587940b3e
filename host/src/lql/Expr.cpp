// Expr.cpp — jobhost lql: the expression AST shared by LQL columns, guards and FilterQL.
// SPDX-License-Identifier: Apache-2.0
#include "lql/Expr.h"

namespace jobhost::host::lql {

namespace {
std::string join(const std::vector<ExprPtr>& args, std::size_t from, const std::string& sep)
{
    std::string s;
    for (std::size_t i = from; i < args.size(); ++i) {
        if (i > from) s += sep;
        s += args[i]->toString();
    }
    return s;
}
} // namespace

std::string Expr::toString() const
{
    const std::string neg = negated ? "NOT " : "";
    switch (kind) {
    case Kind::Literal:
        if (value.type() == Value::Type::String) return "\"" + value.asString() + "\"";
        if (value.isNil()) return "NULL";
        return value.toString();
    case Kind::Ident: return name;
    case Kind::Call: return name + "(" + join(args, 0, ", ") + ")";
    case Kind::Not: return "NOT " + args[0]->toString();
    case Kind::Negate: return "-" + args[0]->toString();
    case Kind::Binary: return "(" + args[0]->toString() + " " + name + " " + args[1]->toString() + ")";
    case Kind::And: return "AND(" + join(args, 0, ", ") + ")";
    case Kind::Or: return "OR(" + join(args, 0, ", ") + ")";
    case Kind::In: return args[0]->toString() + " " + neg + "IN (" + join(args, 1, ", ") + ")";
    case Kind::Contains: return args[0]->toString() + " " + neg + "CONTAINS " + args[1]->toString();
    case Kind::Like: return args[0]->toString() + " " + neg + "LIKE " + args[1]->toString();
    case Kind::Between:
        return args[0]->toString() + " " + neg + "BETWEEN " + args[1]->toString() + " AND " + args[2]->toString();
    case Kind::Exists: return "EXISTS " + args[0]->toString();
    case Kind::MatchAll: return "*";
    }
    return "?";
}

} // namespace jobhost::host::lql
