// SqliteIdentityIndex.cpp — jobhost profiles: the IdentityIndex over the store's profile tables.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/SqliteIdentityIndex.h"

namespace jobhost::host::profiles {

SqliteIdentityIndex::SqliteIdentityIndex(ProfileRepository& repository, TimeMs now)
    : _repository(repository)
    , _now(now)
{
}

std::optional<ProfileId> SqliteIdentityIndex::owner(const IdentityKey& key) const { return _repository.owner(key); }

std::vector<IdentityKey> SqliteIdentityIndex::keysOf(ProfileId profile) const
{
    return _repository.keysOf(_repository.canonical(profile));
}

ProfileId SqliteIdentityIndex::createProfile() { return _repository.create(_now); }

void SqliteIdentityIndex::attach(const IdentityKey& key, ProfileId profile)
{
    _repository.attach(key, _repository.canonical(profile));
}

void SqliteIdentityIndex::mergeProfiles(ProfileId from, ProfileId into)
{
    ProfileId a = _repository.canonical(from), b = _repository.canonical(into);
    if (a == b) return;
    _repository.moveKeys(a, b);
    _repository.markMerged(a, b, _now);
}

ProfileId SqliteIdentityIndex::canonical(ProfileId profile) const { return _repository.canonical(profile); }

} // namespace jobhost::host::profiles
