// IdentityResolver.h — jobhost profiles: ranked identity resolution with the conflict rule (§6.2).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityIndex.h"
#include "profiles/MappingResult.h"

#include <set>
#include <string>
#include <vector>

namespace jobhost::host::profiles {

// Decides which profile an event's identity keys address, merging profiles
// through the IdentityIndex (§6.2 [P]). It updates only the index; the
// caller merges the Profile values listed in Resolution::merged into
// Resolution::profile (each exactly once) and then applies the event, so
// counters never double-count. Not thread-safe (one resolver per index).
class IdentityResolver {
public:
    enum class Mode {
        // Ranked keys: the profile holding the event's highest-ranked key is
        // the target; a profile that would give a single-valued identity
        // field a second value is not merged, and keys it owns stay with it.
        Faithful,
        // Plain transitive union of every profile that owns any key.
        Naive
    };

    // The outcome for one event.
    struct Resolution {
        ProfileId profile = 0;
        bool created = false;
        // Profiles merged into profile by this event (now gone).
        std::vector<ProfileId> merged;
        // Event keys newly attached to profile.
        std::vector<IdentityKey> attached;
        // Profiles not merged because of the conflict rule, and the event
        // keys they own (not attached to profile).
        std::vector<ProfileId> conflicting;
        std::vector<IdentityKey> conflictingKeys;
    };

    // The index must outlive the resolver.
    explicit IdentityResolver(IdentityIndex& index, Mode mode = Mode::Faithful);

    // Resolves keys ranked by rank (fields not in rank come last, in their
    // given order); singleValued names the identity fields a profile may hold
    // only one value of. Throws ProfileException when keys is empty.
    Resolution resolve(const std::vector<IdentityKey>& keys, const std::vector<std::string>& rank,
                       const std::set<std::string>& singleValued);
    // The same with the rank and single-valued fields of a mapping result.
    Resolution resolve(const MappingResult& result);

    Mode mode() const { return _mode; }

private:
    IdentityIndex& _index;
    Mode _mode;
};

} // namespace jobhost::host::profiles
