// CachedIdentityIndex.cpp — jobhost profiles: the builder's IdentityIndex, served from ProfileStoreCache.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/CachedIdentityIndex.h"

#include "profiles/ProfileException.h"

#include <algorithm>
#include <map>
#include <set>

namespace jobhost::host::profiles {

CachedIdentityIndex::CachedIdentityIndex(ProfileRepository& repository, ProfileStoreCache& cache, TimeMs now)
    : _repository(repository)
    , _cache(cache)
    , _now(now)
{
}

void CachedIdentityIndex::prefetch(const std::vector<IdentityKey>& keys)
{
    std::set<IdentityKey> unknown;
    for (const auto& k : keys)
        if (!_cache.owner(k)) unknown.insert(k);
    if (unknown.empty()) return;
    std::vector<IdentityKey> wanted(unknown.begin(), unknown.end());
    std::set<ProfileId> owners;
    for (const auto& [key, profile] : _repository.owners(wanted)) {
        _cache.setOwner(key, profile);
        unknown.erase(key);
        if (!_cache.keysOf(profile)) owners.insert(profile);
    }
    for (const auto& k : unknown) _cache.setOwner(k, std::nullopt);
    if (owners.empty()) return;
    std::map<ProfileId, std::vector<IdentityKey>> lists;
    for (ProfileId p : owners) lists[p];
    for (auto& [profile, key] : _repository.keysOfMany({owners.begin(), owners.end()})) lists[profile].push_back(std::move(key));
    for (auto& [profile, list] : lists) _cache.setKeys(profile, std::move(list));
}

void CachedIdentityIndex::flush()
{
    if (!_newRows.empty()) {
        std::vector<ProfileId> ids, canonicals;
        for (const auto& [id, c] : _newRows) {
            ids.push_back(id);
            canonicals.push_back(c);
        }
        _repository.insertProfiles(ids, canonicals, _now);
        _newRows.clear();
    }
    if (!_newKeys.empty()) {
        _repository.attachMany(_newKeys);
        _newKeys.clear();
    }
}

const std::vector<IdentityKey>& CachedIdentityIndex::knownKeys(ProfileId profile) const
{
    if (const auto* keys = _cache.keysOf(profile)) return *keys;
    _cache.setKeys(profile, _repository.keysOf(profile));
    return *_cache.keysOf(profile);
}

std::optional<ProfileId> CachedIdentityIndex::owner(const IdentityKey& key) const
{
    if (auto known = _cache.owner(key)) return *known;
    auto stored = _repository.owner(key);
    _cache.setOwner(key, stored);
    if (stored) knownKeys(*stored);
    return stored;
}

std::vector<IdentityKey> CachedIdentityIndex::keysOf(ProfileId profile) const { return knownKeys(canonical(profile)); }

ProfileId CachedIdentityIndex::createProfile()
{
    if (!_nextId) _nextId = _repository.maxId() + 1;
    ProfileId id = (*_nextId)++;
    _newRows.emplace_back(id, id);
    _cache.setKeys(id, {});
    return id;
}

void CachedIdentityIndex::attach(const IdentityKey& key, ProfileId profile)
{
    if (owner(key)) throw ProfileException("identity key " + key.toString() + " is already owned");
    ProfileId c = canonical(profile);
    knownKeys(c);
    _cache.attach(key, c);
    _newKeys.emplace_back(key, c);
}

void CachedIdentityIndex::mergeProfiles(ProfileId from, ProfileId into)
{
    ProfileId a = canonical(from), b = canonical(into);
    if (a == b) return;
    knownKeys(a);
    knownKeys(b);
    _cache.merge(a, b);
    for (auto& row : _newRows)
        if (row.second == a) row.second = b;
    for (auto& key : _newKeys)
        if (key.second == a) key.second = b;
    _repository.moveKeys(a, b);
    _repository.markMerged(a, b, _now);
}

ProfileId CachedIdentityIndex::canonical(ProfileId profile) const
{
    if (auto known = _cache.canonical(profile)) return *known;
    return _repository.canonical(profile);
}

} // namespace jobhost::host::profiles
