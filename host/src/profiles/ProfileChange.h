// ProfileChange.h — jobhost profiles: what one builder commit did to one profile.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "profiles/Profile.h"

#include <optional>
#include <vector>

namespace jobhost::host::profiles {

// The net effect of one committed batch on one surviving profile: its state
// before the batch (unset when the batch created it) and after, and the
// profiles merged into it during the batch. Plain value type.
struct ProfileChange {
    ProfileId profile = 0;
    std::optional<Profile> before;
    Profile after;
    // Profiles merged into this one by the batch (their rows are gone).
    std::vector<ProfileId> mergedFrom;
};

} // namespace jobhost::host::profiles
