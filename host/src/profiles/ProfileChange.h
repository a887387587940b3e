// ProfileChange.h — jobhost profiles: what one builder commit did to one profile.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "profiles/Profile.h"

#include <memory>
#include <vector>

namespace jobhost::host::profiles {

// The net effect of one committed batch on one surviving profile: the
// watched fields of its state before the batch (ProfileChangeListener::
// watchedFields; null when the batch created it — copying whole profiles
// for the few fields listeners compare was a seventh of the builder's
// time), its whole state after, and the profiles merged into it during the
// batch. Plain value type.
struct ProfileChange {
    ProfileId profile = 0;
    std::shared_ptr<const Profile> before;
    Profile after;
    // Profiles merged into this one by the batch (their rows are gone).
    std::vector<ProfileId> mergedFrom;
};

} // namespace jobhost::host::profiles
