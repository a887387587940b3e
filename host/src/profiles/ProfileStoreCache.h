// ProfileStoreCache.h — jobhost profiles: the builder's in-memory mirror of the stored profile tables.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "profiles/Profile.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace jobhost::host::profiles {

// What the store-backed ProfileBuilder knows the profile tables hold, kept
// across its batches so a profile touched by many batches is read and parsed
// once per pass instead of once per batch, and identity look-ups cost no SQL:
//   * surviving profiles as committed (parsed),
//   * identity keys → owning (canonical) profile, and known-unowned keys,
//   * the complete key list of profiles whose keys were read,
//   * ids merged away → the profile they were merged into.
//
// Validity: the cache belongs to one builder. Each batch the builder
// commits stamps a new generation into the store (profile_builder_meta); a
// batch starts with validate(stored generation), which empties the cache
// when anyone else (another builder, thread or process, or a rebuild)
// committed since — so the cache never serves state another writer changed.
// The identity part is updated while a batch runs (its changes are also in
// the batch's transaction); when a batch fails, the builder must clear() the
// cache because the transaction rolled those changes back.
//
// Memory: at most maxProfiles parsed profiles are kept; a commit that
// leaves more evicts the least recently used ones (with their key lists)
// down to nine tenths of the limit, so a hot working set stays cached.
// Not thread-safe: one builder, one thread.
class ProfileStoreCache {
public:
    explicit ProfileStoreCache(std::size_t maxProfiles);

    // Empties the cache unless `generation` is the one this cache committed last.
    void validate(const std::string& generation);
    // Records that the batch committed as `generation`, forgets unowned-key
    // entries and enforces the size limit.
    void committed(const std::string& generation);
    void clear();

    // --- identity ownership
    // Empty when the cache does not know the key; an empty inner optional
    // when it knows the key is unowned.
    std::optional<std::optional<ProfileId>> owner(const IdentityKey& key) const;
    void setOwner(const IdentityKey& key, std::optional<ProfileId> profile);
    // The complete key list of a canonical profile, or nullptr when unknown.
    const std::vector<IdentityKey>* keysOf(ProfileId profile) const;
    void setKeys(ProfileId profile, std::vector<IdentityKey> keys);
    // Attaches key to profile (whose key list must be known).
    void attach(const IdentityKey& key, ProfileId profile);
    // Moves every key of from to into and remembers the merge (both key
    // lists must be known). The parsed profile of from stays until
    // forgetProfile(): the builder still merges its data.
    void merge(ProfileId from, ProfileId into);
    // The profile id follows merges recorded here; empty when the id was
    // never seen by the cache (the caller asks the store).
    std::optional<ProfileId> canonical(ProfileId profile) const;

    // --- parsed profiles (committed state of surviving profiles)
    // Counts as a use for the eviction order. The snapshot is immutable and
    // shared (a batch keeps it as the profile's "before" without a copy); it
    // stays valid after eviction for whoever holds it.
    std::shared_ptr<const Profile> profile(ProfileId id) const;
    void setProfile(ProfileId id, std::shared_ptr<const Profile> profile);
    void forgetProfile(ProfileId id);
    std::size_t profileCount() const { return _profiles.size(); }

private:
    struct CachedProfile {
        std::shared_ptr<const Profile> profile;
        std::uint64_t lastUse = 0;
    };
    // Drops the least recently used profiles (and their key lists) until at
    // most `keep` remain.
    void evict(std::size_t keep);

    std::size_t _maxProfiles;
    mutable std::uint64_t _clock = 0;
    std::string _generation;
    bool _hasGeneration = false;
    struct KeyHash {
        std::size_t operator()(const IdentityKey& k) const
        {
            return std::hash<std::string>{}(k.field) * 31 + std::hash<std::string>{}(k.value);
        }
    };
    std::unordered_map<IdentityKey, std::optional<ProfileId>, KeyHash> _owners;
    std::vector<IdentityKey> _unowned; // keys recorded as unowned since the last commit
    std::unordered_map<ProfileId, std::vector<IdentityKey>> _keys;
    std::unordered_map<ProfileId, ProfileId> _mergedInto;
    mutable std::unordered_map<ProfileId, CachedProfile> _profiles;
};

} // namespace jobhost::host::profiles
