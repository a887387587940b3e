// IdentityIndex.h — jobhost profiles: the key → profile mapping identity resolution works on.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"

#include <optional>
#include <vector>

namespace jobhost::host::profiles {

// Abstract storage of identity keys and profile merges (a union-find over
// profiles). InMemoryIdentityIndex backs the tests; a SQLite-backed
// implementation plugs in for the store. Implementations need not be
// thread-safe: IdentityResolver calls them from one thread (or inside one
// store transaction). Errors of the backing store are thrown as exceptions.
class IdentityIndex {
public:
    virtual ~IdentityIndex() = default;

    // The surviving (canonical) profile that owns key, or nullopt.
    virtual std::optional<ProfileId> owner(const IdentityKey& key) const = 0;
    // All keys owned by a canonical profile (including those of profiles
    // merged into it), in no particular order.
    virtual std::vector<IdentityKey> keysOf(ProfileId profile) const = 0;
    // Allocates a new, empty profile id (ids are never reused).
    virtual ProfileId createProfile() = 0;
    // Makes profile the owner of an unowned key. Throws ProfileException
    // when the key is already owned.
    virtual void attach(const IdentityKey& key, ProfileId profile) = 0;
    // Merges profile from into profile into: every key of from now belongs
    // to into, and canonical(from) == into afterwards.
    virtual void mergeProfiles(ProfileId from, ProfileId into) = 0;
    // The surviving profile for any id ever issued (itself when not merged).
    virtual ProfileId canonical(ProfileId profile) const = 0;
};

} // namespace jobhost::host::profiles
