// SqliteIdentityIndex.h — jobhost profiles: the IdentityIndex over the store's profile tables.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityIndex.h"
#include "profiles/ProfileRepository.h"

namespace jobhost::host::profiles {

// IdentityIndex backed by ProfileRepository (profiles.canonical_id is the
// union-find, kept one level deep: a merge repoints every member of the
// merged set, so canonical() is one look-up). Every call joins the caller's
// open transaction, so resolution commits or rolls back with the batch. The
// repository must outlive the index. Not thread-safe (one per session).
// Store failures are thrown as Poco::Data exceptions; attaching an owned key
// throws ProfileException.
class SqliteIdentityIndex : public IdentityIndex {
public:
    // now stamps created and merged rows; set it per batch with setNow().
    explicit SqliteIdentityIndex(ProfileRepository& repository, TimeMs now = TimeMs{});

    void setNow(TimeMs now) { _now = now; }

    std::optional<ProfileId> owner(const IdentityKey& key) const override;
    std::vector<IdentityKey> keysOf(ProfileId profile) const override;
    ProfileId createProfile() override;
    void attach(const IdentityKey& key, ProfileId profile) override;
    void mergeProfiles(ProfileId from, ProfileId into) override;
    ProfileId canonical(ProfileId profile) const override;

private:
    ProfileRepository& _repository;
    TimeMs _now;
};

} // namespace jobhost::host::profiles
