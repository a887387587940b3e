// MappingResult.h — jobhost profiles: what one query produced for one event.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/Contribution.h"
#include "profiles/IdentityKey.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace jobhost::host::profiles {

// What every result of one query shares: its ALIAS and stream, its BY
// fields in rank order, and those of them that are single-valued (scalar
// kind: a profile may hold one value of such a key). Built once per query
// (EventMapper), shared by its results instead of copied into each.
struct QueryShape {
    std::string query;
    std::string stream;
    std::vector<std::string> rank;
    std::set<std::string> singleValued;
};

// The output of one mapping query for one event (§2.4). Plain value type.
struct MappingResult {
    // Never null in results of EventMapper.
    std::shared_ptr<const QueryShape> shape;
    TimeMs eventTime;
    // False when the WHERE clause rejected the event (nothing else is set).
    bool matched = true;
    // Identity keys from BY columns that produced a non-empty value, in BY
    // (rank) order. Empty → the event cannot address a profile and is dropped.
    std::vector<IdentityKey> keys;
    std::vector<Contribution> contributions;

    bool dropped() const { return !matched || keys.empty(); }
};

} // namespace jobhost::host::profiles
