// MappingQuery.h — jobhost lql: one LQL statement (SELECT … FROM … INTO … BY … ALIAS …).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/MappingColumn.h"

#include <string>
#include <vector>

namespace jobhost::host::lql {

// A parsed mapping statement (§2.1). Plain value type.
struct MappingQuery {
    std::string alias;
    // The stream whose events this query maps.
    std::string stream;
    // The entity table; "user" for profiles.
    std::string into = "user";
    // Identity fields, in rank order (output field names, §2.1 BY).
    std::vector<std::string> by;
    // Whole-event filter; null when absent.
    ExprPtr where;
    std::vector<MappingColumn> columns;
    // Where it was defined (for messages).
    std::string file;
    int line = 0;
};

} // namespace jobhost::host::lql
