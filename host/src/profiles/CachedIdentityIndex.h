// CachedIdentityIndex.h — jobhost profiles: the builder's IdentityIndex, served from ProfileStoreCache.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityIndex.h"
#include "profiles/ProfileRepository.h"
#include "profiles/ProfileStoreCache.h"

#include <optional>
#include <utility>
#include <vector>

namespace jobhost::host::profiles {

// The IdentityIndex one builder batch resolves against: it answers from the
// ProfileStoreCache and reads the store only for what the cache does not
// know (prefetch() reads a whole batch's keys, and their owners' key lists,
// with one bulk statement each). Profiles created and keys attached are
// kept in memory and written by flush() in bulk; merges are written at once
// (they are rare) and re-target the pending rows and keys. Store state and
// cache therefore agree once flush() ran, inside the batch's transaction.
//
// The repository and the cache must outlive the index; one batch, one
// thread. Store failures throw Poco::Data exceptions; attaching an owned key
// throws ProfileException (at attach() when the owner is known, else at
// flush()). After any exception the caller must clear the cache.
class CachedIdentityIndex : public IdentityIndex {
public:
    // now stamps created and merged rows.
    CachedIdentityIndex(ProfileRepository& repository, ProfileStoreCache& cache, TimeMs now);

    // Loads the owners of every key the cache does not know yet, and the
    // complete key lists of those owners.
    void prefetch(const std::vector<IdentityKey>& keys);
    // Writes the profile rows created and the keys attached since the last flush.
    void flush();

    std::optional<ProfileId> owner(const IdentityKey& key) const override;
    std::vector<IdentityKey> keysOf(ProfileId profile) const override;
    ProfileId createProfile() override;
    void attach(const IdentityKey& key, ProfileId profile) override;
    void mergeProfiles(ProfileId from, ProfileId into) override;
    ProfileId canonical(ProfileId profile) const override;

private:
    // Makes sure the cache holds the complete key list of canonical profile.
    const std::vector<IdentityKey>& knownKeys(ProfileId profile) const;

    ProfileRepository& _repository;
    ProfileStoreCache& _cache;
    TimeMs _now;
    std::optional<ProfileId> _nextId;
    std::vector<std::pair<ProfileId, ProfileId>> _newRows;    // id → canonical id
    std::vector<std::pair<IdentityKey, ProfileId>> _newKeys;  // key → owner
};

} // namespace jobhost::host::profiles
