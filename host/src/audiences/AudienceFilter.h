// AudienceFilter.h — jobhost audiences: a compiled FilterQL audience evaluated over profiles.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/FilterQuery.h"
#include "profiles/Profile.h"

#include <string>

namespace jobhost::host::audiences {

// The expression engine's and the profile side's types this header speaks in.
using lql::FilterQuery;
using lql::TimeMs;
using profiles::Profile;

// A FilterQL definition (§8.1) ready to evaluate against profiles with the
// semantics of §8.2 (see Evaluator). Immutable after construction; matches()
// is const and thread-safe. now is injected so relative dates ("now-30d")
// are testable and can be re-evaluated on a schedule.
class AudienceFilter {
public:
    // Parses the text; throws ParseException (INCLUDE is reported as unsupported).
    explicit AudienceFilter(const std::string& text, const std::string& name = "");
    explicit AudienceFilter(FilterQuery query);

    // True only when the filter evaluates ok and to boolean true.
    bool matches(const Profile& profile, TimeMs now) const;

    const FilterQuery& query() const { return _query; }
    // The ALIAS (slug), "" when none was given.
    const std::string& slug() const { return _query.alias; }
    // True when the result depends on the clock (date math or now()).
    bool usesNow() const { return _query.usesNow; }

private:
    FilterQuery _query;
};

} // namespace jobhost::host::audiences
