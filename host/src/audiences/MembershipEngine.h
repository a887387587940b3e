// MembershipEngine.h — jobhost audiences: which audiences a profile belongs to, and what changed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiences/Audience.h"
#include "audiences/MembershipChange.h"
#include "profiles/Profile.h"

#include <set>
#include <string>
#include <vector>

namespace jobhost::host::audiences {

// The pure membership rules (§8.3, §9.4) over a fixed set of audiences:
// evaluate a profile, and turn "member before" / "member after" into enter
// and exit changes. No store access. Immutable after construction; const
// methods are thread-safe.
//
// Merges (§9.4): pass as `before` the union of the memberships of every
// pre-merge profile. A merged profile that is a member where any pre-merge
// profile was gives no change; none was → enter; some was and the merged
// profile is not → exit — all reported for the surviving profile.
class MembershipEngine {
public:
    MembershipEngine() = default;
    // Audiences must have distinct slugs; throws Poco::InvalidArgumentException otherwise.
    explicit MembershipEngine(std::vector<Audience> audiences);

    const std::vector<Audience>& audiences() const { return _audiences; }
    // nullptr when no audience has that slug.
    const Audience* find(const std::string& slug) const;

    // Slugs of the audiences profile matches at now (FilterQL §8.2).
    std::set<std::string> evaluate(const profiles::Profile& profile, lql::TimeMs now) const;
    // True when the named audience matches; false for an unknown slug.
    bool matches(const std::string& slug, const profiles::Profile& profile, lql::TimeMs now) const;

    // Enter for slugs only in after, exit for slugs only in before, sorted by
    // slug, all stamped at.
    static std::vector<MembershipChange> diff(profiles::ProfileId profile, const std::set<std::string>& before,
                                              const std::set<std::string>& after, lql::TimeMs at);

    // Evaluates after and diffs it against before (see diff). Slugs in
    // before that are no longer defined are reported as exits.
    std::vector<MembershipChange> transition(profiles::ProfileId profile, const std::set<std::string>& before,
                                             const profiles::Profile& after, lql::TimeMs now) const;

    // Slugs whose filters use the clock ("now-30d", now()): their membership
    // can change without a profile change and needs periodic re-evaluation.
    std::vector<std::string> timeDependent() const;

    // True when any of fields has a different plain value (or presence) in
    // before and after — the change-trigger rule for export updates (§9.4).
    // A null before means the profile did not exist (every present field counts).
    static bool fieldsChanged(const profiles::Profile* before, const profiles::Profile& after,
                              const std::vector<std::string>& fields);

private:
    std::vector<Audience> _audiences;
};

} // namespace jobhost::host::audiences
