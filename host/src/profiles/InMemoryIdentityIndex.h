// InMemoryIdentityIndex.h — jobhost profiles: an IdentityIndex kept in memory.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityIndex.h"

#include <map>

namespace jobhost::host::profiles {

// IdentityIndex in std::maps with a path-compressing union-find. Used by
// the tests, `jobhost eval` and the in-memory builder. Not thread-safe.
class InMemoryIdentityIndex : public IdentityIndex {
public:
    std::optional<ProfileId> owner(const IdentityKey& key) const override;
    std::vector<IdentityKey> keysOf(ProfileId profile) const override;
    ProfileId createProfile() override;
    void attach(const IdentityKey& key, ProfileId profile) override;
    void mergeProfiles(ProfileId from, ProfileId into) override;
    ProfileId canonical(ProfileId profile) const override;

    // Number of keys stored.
    std::size_t keyCount() const { return _owner.size(); }

private:
    std::map<IdentityKey, ProfileId> _owner;
    mutable std::map<ProfileId, ProfileId> _parent;
    std::map<ProfileId, std::vector<IdentityKey>> _keys;
    ProfileId _next = 1;
};

} // namespace jobhost::host::profiles
