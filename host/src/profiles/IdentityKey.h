// IdentityKey.h — jobhost profiles: an identity key (field, value) and profile ids.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace jobhost::host::profiles {

// Profile identifiers are positive integers assigned by an IdentityIndex.
using ProfileId = std::int64_t;

// (BY field name, post-expression value), e.g. (email, jane.doe@example.com).
// Plain value type, ordered by field then value.
struct IdentityKey {
    std::string field;
    std::string value;

    bool operator==(const IdentityKey&) const = default;
    bool operator<(const IdentityKey& o) const { return field != o.field ? field < o.field : value < o.value; }
    std::string toString() const { return field + ":" + value; }
};

} // namespace jobhost::host::profiles
