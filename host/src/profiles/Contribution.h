// Contribution.h — jobhost profiles: one field write produced by a mapping column.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/FieldKind.h"
#include "lql/Value.h"

#include <string>

namespace jobhost::host::profiles {

// The expression engine's types this header speaks in.
using lql::FieldKind;
using lql::MergeOp;
using lql::TimeMs;
using lql::Value;

// What one column of one query contributes for one event (§2.4): the value
// is already coerced to kind. Plain value type.
struct Contribution {
    std::string field;
    FieldKind kind = FieldKind::String;
    MergeOp mergeOp = MergeOp::Latest;
    Value value;
    // The event (message) timestamp; "latest" compares these.
    TimeMs timestamp;
};

} // namespace jobhost::host::profiles
