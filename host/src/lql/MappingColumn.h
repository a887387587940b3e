// MappingColumn.h — jobhost lql: one column of an LQL mapping query.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/Expr.h"
#include "lql/FieldKind.h"

#include <string>

namespace jobhost::host::lql {

// `<expr> AS <field> [IF <guard>] [SHORTDESC ..] [LONGDESC ..] [KIND k] [MERGEOP op]`
// (§2.2). Plain value type; the expressions are shared and immutable.
struct MappingColumn {
    ExprPtr expr;
    // The output (profile) field name.
    std::string field;
    // Per-column guard evaluated on the raw event (§2.3); null when absent.
    ExprPtr guard;
    // Kind: the KIND clause, else inferred from the expression (§2.2).
    FieldKind kind = FieldKind::String;
    // Merge: the MERGEOP clause, else defaultMergeOp(kind, top function).
    MergeOp mergeOp = MergeOp::Latest;
    bool kindExplicit = false;
    bool mergeOpExplicit = false;
    std::string shortDesc;
    std::string longDesc;
    int line = 0;
};

} // namespace jobhost::host::lql
