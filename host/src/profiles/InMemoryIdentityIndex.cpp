// InMemoryIdentityIndex.cpp — jobhost profiles: an IdentityIndex kept in memory.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/InMemoryIdentityIndex.h"

#include "profiles/ProfileException.h"

namespace jobhost::host::profiles {

ProfileId InMemoryIdentityIndex::canonical(ProfileId profile) const
{
    ProfileId root = profile;
    for (auto it = _parent.find(root); it != _parent.end() && it->second != root; it = _parent.find(root))
        root = it->second;
    // Path compression.
    ProfileId p = profile;
    while (p != root) {
        auto it = _parent.find(p);
        ProfileId next = it->second;
        it->second = root;
        p = next;
    }
    return root;
}

std::optional<ProfileId> InMemoryIdentityIndex::owner(const IdentityKey& key) const
{
    auto it = _owner.find(key);
    if (it == _owner.end()) return std::nullopt;
    return canonical(it->second);
}

std::vector<IdentityKey> InMemoryIdentityIndex::keysOf(ProfileId profile) const
{
    auto it = _keys.find(canonical(profile));
    return it == _keys.end() ? std::vector<IdentityKey>{} : it->second;
}

ProfileId InMemoryIdentityIndex::createProfile()
{
    ProfileId id = _next++;
    _parent[id] = id;
    return id;
}

void InMemoryIdentityIndex::attach(const IdentityKey& key, ProfileId profile)
{
    if (_owner.count(key)) throw ProfileException("identity key " + key.toString() + " is already owned");
    ProfileId root = canonical(profile);
    _owner.emplace(key, root);
    _keys[root].push_back(key);
}

void InMemoryIdentityIndex::mergeProfiles(ProfileId from, ProfileId into)
{
    ProfileId a = canonical(from), b = canonical(into);
    if (a == b) return;
    _parent[a] = b;
    auto it = _keys.find(a);
    if (it != _keys.end()) {
        auto& dst = _keys[b];
        for (auto& k : it->second) {
            _owner[k] = b;
            dst.push_back(std::move(k));
        }
        _keys.erase(it);
    }
}

} // namespace jobhost::host::profiles
