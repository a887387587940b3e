// ProfileListing.h — jobhost audiences: keyset pages of stored profiles, all or one audience's.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/Profile.h"
#include "profiles/IdentityKey.h"

#include <Poco/Data/Session.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::host::audiences {

// Reads surviving (canonical) profiles in ascending id order, a page at a
// time, keyed by the last id seen: a page never skips or repeats a profile
// that exists before and after it is read, however the store changes in
// between (ids are never reused; merged-away profiles drop out, new ones
// appear at the end). With an audience slug, only that audience's members.
// Memory is one page of decoded profiles. Works on a session the caller
// owns (one thread at a time); reads inside the caller's transaction when
// there is one. Throws Poco::Data exceptions on store failure and
// ProfileException when a stored profile does not decode.
class ProfileListing {
public:
    struct Entry {
        profiles::ProfileId id = 0;
        profiles::Profile profile;
        std::string email; // the profile's first "email" identity key; "" when it has none
    };
    struct Page {
        std::vector<Entry> entries;
        // The cursor of the next page (the last id of this one); empty when
        // this page is the last.
        std::optional<profiles::ProfileId> next;
    };

    // audience "" lists every profile. The caller checks that the audience
    // is defined: an unknown slug simply has no members.
    ProfileListing(Poco::Data::Session& session, std::string audience);

    // At most limit (≥ 1) profiles with an id above after (0: from the start),
    // each with its email key (one query for the page).
    Page page(profiles::ProfileId after, std::size_t limit);
    // Calls visit for every listed profile, page by page; visit may throw,
    // which ends the walk.
    void forEach(const std::function<void(profiles::ProfileId, const profiles::Profile&)>& visit, std::size_t pageSize = 500);

private:
    // Up to limit (id, ProfileCodec bytes) after the cursor.
    std::vector<std::pair<profiles::ProfileId, std::string>> read(profiles::ProfileId after, std::size_t limit);

    Poco::Data::Session& _session;
    std::string _audience;
};

} // namespace jobhost::host::audiences
