// ProfileStoreCache.cpp — jobhost profiles: the builder's in-memory mirror of the stored profile tables.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileStoreCache.h"

#include <algorithm>

namespace jobhost::host::profiles {

ProfileStoreCache::ProfileStoreCache(std::size_t maxProfiles, std::size_t maxBytes)
    : _maxProfiles(maxProfiles)
    , _maxBytes(maxBytes)
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
    if (_profiles.size() > _maxProfiles || _bytes > _maxBytes)
        evict(_maxProfiles - _maxProfiles / 10, _maxBytes - _maxBytes / 10);
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
    _byUse.clear();
    _bytes = 0;
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

const std::string* ProfileStoreCache::encoded(ProfileId id) const
{
    auto it = _profiles.find(id);
    if (it == _profiles.end()) return nullptr;
    _byUse.splice(_byUse.begin(), _byUse, it->second.use);
    return &it->second.bytes;
}

void ProfileStoreCache::setEncoded(ProfileId id, std::string bytes)
{
    auto [it, inserted] = _profiles.try_emplace(id);
    CachedProfile& cached = it->second;
    if (inserted) {
        cached.use = _byUse.insert(_byUse.begin(), id);
    } else {
        _bytes -= costOf(cached);
        _byUse.splice(_byUse.begin(), _byUse, cached.use);
    }
    cached.bytes = std::move(bytes);
    _bytes += costOf(cached);
}

void ProfileStoreCache::evict(std::size_t keep, std::size_t keepBytes)
{
    while (!_byUse.empty() && (_profiles.size() > keep || _bytes > keepBytes)) {
        const ProfileId id = _byUse.back();
        forgetProfile(id);
        auto keys = _keys.find(id);
        if (keys == _keys.end()) continue;
        for (const auto& k : keys->second) _owners.erase(k);
        _keys.erase(keys);
    }
}

void ProfileStoreCache::forgetProfile(ProfileId id)
{
    auto it = _profiles.find(id);
    if (it == _profiles.end()) return;
    _bytes -= costOf(it->second);
    _byUse.erase(it->second.use);
    _profiles.erase(it);
}

} // namespace jobhost::host::profiles
