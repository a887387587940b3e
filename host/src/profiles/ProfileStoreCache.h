// ProfileStoreCache.h — jobhost profiles: the builder's in-memory mirror of the stored profile tables.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "profiles/Profile.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <optional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace jobhost::host::profiles {

// What the store-backed ProfileBuilder knows the profile tables hold, kept
// across its batches so a profile touched by many batches is read from the
// store once per pass instead of once per batch, and identity look-ups cost no SQL:
//   * surviving profiles as committed (encoded, as the store holds them),
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
// Memory: at most maxProfiles encoded profiles taking at most maxBytes
// (their bytes plus kOverheadPerProfile for key lists and table nodes) are
// kept; a commit that leaves more evicts the least recently used ones (with
// their key lists) down to nine tenths of each limit, so memory stays flat
// however many profiles the store holds and a hot working set stays cached.
// Not thread-safe: one builder, one thread.
class ProfileStoreCache {
public:
    // What a cached profile costs beyond its bytes (estimate: a PostUp
    // profile's two or three identity keys in two hash tables, and nodes).
    static constexpr std::size_t kOverheadPerProfile = 512;

    ProfileStoreCache(std::size_t maxProfiles, std::size_t maxBytes);

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

    // --- stored profiles (committed state of surviving profiles, in
    // ProfileCodec's binary form: a PostUp profile takes about 1 KB here
    // instead of about 9 KB parsed, so the same memory caches 9 times more)
    // The bytes of id, or nullptr when not cached. Counts as a use for the
    // eviction order. Valid until the next call that changes the cache.
    const std::string* encoded(ProfileId id) const;
    void setEncoded(ProfileId id, std::string bytes);
    void forgetProfile(ProfileId id);
    std::size_t profileCount() const { return _profiles.size(); }
    // The cost counted against maxBytes.
    std::size_t byteCount() const { return _bytes; }

private:
    struct CachedProfile {
        std::string bytes;
        std::list<ProfileId>::iterator use; // its place in _byUse
    };
    // Drops the least recently used profiles (and their key lists) until at
    // most `keep` remain and they cost at most `keepBytes`.
    void evict(std::size_t keep, std::size_t keepBytes);
    static std::size_t costOf(const CachedProfile& cached) { return cached.bytes.size() + kOverheadPerProfile; }

    std::size_t _maxProfiles;
    std::size_t _maxBytes;
    std::size_t _bytes = 0;
    // Cached profile ids, most recently used first (eviction takes the back).
    mutable std::list<ProfileId> _byUse;
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
