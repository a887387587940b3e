// ProfileStoreCache.cpp — jobhost profiles: the builder's in-memory mirror of the stored profile tables.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileStoreCache.h"

#include <algorithm>

namespace jobhost::host::profiles {

ProfileStoreCache::ProfileStoreCache(std::size_t maxProfiles)
    : _maxProfiles(maxProfiles)
{
}

void ProfileStoreCache::validate(const std::string& generation)
{
    if (!_hasGeneration || generation != _generation) clear();
}

void ProfileStoreCache::committed(const std::string& generation)
{
    for (const auto& key : _unowned) {
        auto it = _owners.find(key);
        if (it != _owners.end() && !it->second) _owners.erase(it);
    }
    _unowned.clear();
    if (_profiles.size() > _maxProfiles) evict(_maxProfiles - _maxProfiles / 10);
    _generation = generation;
    _hasGeneration = true;
}

void ProfileStoreCache::clear()
{
    _owners.clear();
    _unowned.clear();
    _keys.clear();
    _mergedInto.clear();
    _profiles.clear();
    _generation.clear();
    _hasGeneration = false;
}

std::optional<std::optional<ProfileId>> ProfileStoreCache::owner(const IdentityKey& key) const
{
    auto it = _owners.find(key);
    if (it == _owners.end()) return std::nullopt;
    if (!it->second) return std::optional<ProfileId>{};
    auto c = canonical(*it->second);
    return std::optional<ProfileId>{c ? *c : *it->second};
}

void ProfileStoreCache::setOwner(const IdentityKey& key, std::optional<ProfileId> profile)
{
    if (!profile) _unowned.push_back(key);
    _owners[key] = profile;
}

const std::vector<IdentityKey>* ProfileStoreCache::keysOf(ProfileId profile) const
{
    auto it = _keys.find(profile);
    return it == _keys.end() ? nullptr : &it->second;
}

void ProfileStoreCache::setKeys(ProfileId profile, std::vector<IdentityKey> keys)
{
    for (const auto& k : keys) _owners[k] = profile;
    _keys[profile] = std::move(keys);
}

void ProfileStoreCache::attach(const IdentityKey& key, ProfileId profile)
{
    _owners[key] = profile;
    _keys[profile].push_back(key);
}

void ProfileStoreCache::merge(ProfileId from, ProfileId into)
{
    auto& target = _keys[into];
    auto it = _keys.find(from);
    if (it != _keys.end()) {
        for (auto& k : it->second) {
            _owners[k] = into;
            target.push_back(std::move(k));
        }
        _keys.erase(it);
    }
    _mergedInto[from] = into;
}

std::optional<ProfileId> ProfileStoreCache::canonical(ProfileId profile) const
{
    ProfileId id = profile;
    bool known = false;
    for (auto it = _mergedInto.find(id); it != _mergedInto.end(); it = _mergedInto.find(id)) {
        id = it->second;
        known = true;
    }
    if (known || _keys.count(id) || _profiles.count(id)) return id;
    return std::nullopt;
}

std::shared_ptr<const Profile> ProfileStoreCache::profile(ProfileId id) const
{
    auto it = _profiles.find(id);
    if (it == _profiles.end()) return nullptr;
    it->second.lastUse = ++_clock;
    return it->second.profile;
}

void ProfileStoreCache::setProfile(ProfileId id, std::shared_ptr<const Profile> profile)
{
    _profiles[id] = CachedProfile{std::move(profile), ++_clock};
}

void ProfileStoreCache::evict(std::size_t keep)
{
    if (_profiles.size() <= keep) return;
    std::vector<std::pair<std::uint64_t, ProfileId>> byUse;
    byUse.reserve(_profiles.size());
    for (const auto& [id, cached] : _profiles) byUse.emplace_back(cached.lastUse, id);
    const std::size_t drop = _profiles.size() - keep;
    std::nth_element(byUse.begin(), byUse.begin() + static_cast<std::ptrdiff_t>(drop), byUse.end());
    for (std::size_t i = 0; i < drop; ++i) {
        const ProfileId id = byUse[i].second;
        _profiles.erase(id);
        auto keys = _keys.find(id);
        if (keys == _keys.end()) continue;
        for (const auto& k : keys->second) _owners.erase(k);
        _keys.erase(keys);
    }
}

void ProfileStoreCache::forgetProfile(ProfileId id) { _profiles.erase(id); }

} // namespace jobhost::host::profiles
