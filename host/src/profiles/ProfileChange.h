// ProfileChange.h — jobhost profiles: what one builder commit did to one profile.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "profiles/Profile.h"

#include <memory>
#include <vector>

namespace jobhost::host::profiles {

// The net effect of one committed batch on one surviving profile: its state
// before the batch (null when the batch created it; an immutable snapshot
// shared with the builder's cache) and after, and the profiles merged into
// it during the batch. Plain value type.
struct ProfileChange {
    ProfileId profile = 0;
    std::shared_ptr<const Profile> before;
    Profile after;
    // Profiles merged into this one by the batch (their rows are gone).
    std::vector<ProfileId> mergedFrom;
};

} // namespace jobhost::host::profiles
