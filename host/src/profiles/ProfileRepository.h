// ProfileRepository.h — jobhost profiles: SQL for profiles, identities and builder offsets.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/IdentityKey.h"
#include "profiles/Profile.h"

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::host::profiles {

// The profile table group (see ProfileStoreSchema): profiles with their
// union-find column, identity keys, the builder's per-stream offsets and
// meta values. Works on a session the caller owns (one thread at a time) and
// joins the caller's transaction. Every method throws Poco::Data exceptions
// on store failure; stored profile bytes that cannot be read throw
// ProfileException. Profiles are ProfileCodec bytes bound as BLOBs (Poco's
// string extraction stops at a NUL byte; BLOB extraction also reads the TEXT
// rows of stores written before the binary form).
class ProfileRepository {
public:
    explicit ProfileRepository(Poco::Data::Session& session);

    // --- profiles
    // The surviving profile for any id ever issued (the id itself when it
    // was never merged or is unknown).
    ProfileId canonical(ProfileId id);
    // The profile stored under canonical(id); empty when unknown.
    std::optional<Profile> load(ProfileId id);
    // The stored bytes (ProfileCodec) of canonical(id); empty when unknown.
    std::optional<std::string> loadEncoded(ProfileId id);
    // Inserts a new empty profile with the next id (MAX(id)+1: ids are never
    // reused while rows exist) and returns it.
    ProfileId create(TimeMs now);
    // Writes a surviving profile.
    void save(ProfileId id, const Profile& profile, TimeMs now);
    // The profile stored under exactly id (no canonical look-up): a profile
    // merged during the current batch still has its pre-merge data until
    // drop() runs. Empty when unknown or dropped.
    std::optional<Profile> loadExact(ProfileId id);
    // Points every profile whose canonical id is from at into (the
    // union-find step). Identity keys are moved by moveKeys(); the merged
    // profile's JSON stays until drop().
    void markMerged(ProfileId from, ProfileId into, TimeMs now);
    // Drops the JSON of a profile merged into another one.
    void drop(ProfileId id, TimeMs now);
    // Surviving profile ids, ascending.
    std::vector<ProfileId> ids();
    // Calls visit(id, profile) for every surviving profile in id order,
    // reading pageSize rows at a time. visit may not write to this table group.
    void forEach(const std::function<void(ProfileId, const Profile&)>& visit, std::size_t pageSize = 500);
    // At most limit surviving profiles with an id above after, in id order,
    // as (id, ProfileCodec bytes): one keyset page (the listing and export).
    std::vector<std::pair<ProfileId, std::string>> pageEncoded(ProfileId after, std::size_t limit);
    std::int64_t count();

    // --- bulk forms for the builder: each is one statement compiled once and
    // run for every element (Poco::Data vector binding); empty input runs nothing.
    // The largest profile id ever issued (0 when none).
    ProfileId maxId();
    // Inserts empty profile rows ids[i] with canonical id canonicals[i].
    void insertProfiles(const std::vector<ProfileId>& ids, const std::vector<ProfileId>& canonicals, TimeMs now);
    // The stored bytes (ProfileCodec) of exactly these ids (no canonical
    // look-up); ids that are unknown or dropped are left out.
    std::vector<std::pair<ProfileId, std::string>> loadExactEncoded(const std::vector<ProfileId>& ids);
    // Writes encoded[i] (ProfileCodec bytes) as the profile of ids[i].
    void saveEncoded(const std::vector<ProfileId>& ids, const std::vector<std::string>& encoded, TimeMs now);
    // drop() for each id.
    void drop(const std::vector<ProfileId>& ids, TimeMs now);

    // --- identities
    // The profile that owns key (stored canonical), or empty.
    std::optional<ProfileId> owner(const IdentityKey& key);
    std::vector<IdentityKey> keysOf(ProfileId canonicalId);
    // Inserts key → profile. Throws ProfileException when the key is owned.
    void attach(const IdentityKey& key, ProfileId profile);
    void moveKeys(ProfileId from, ProfileId into);
    std::int64_t identityCount();
    // The owners of those keys that are owned (keys without an owner are left out).
    std::vector<std::pair<IdentityKey, ProfileId>> owners(const std::vector<IdentityKey>& keys);
    // Every key of each of these canonical profiles, as (profile, key).
    std::vector<std::pair<ProfileId, IdentityKey>> keysOfMany(const std::vector<ProfileId>& canonicalIds);
    // attach() for each (key, profile). Throws ProfileException when a key is owned.
    void attachMany(const std::vector<std::pair<IdentityKey, ProfileId>>& keys);

    // --- builder offsets and meta
    std::int64_t position(const std::string& stream);
    void savePosition(const std::string& stream, std::int64_t position, TimeMs now);
    std::map<std::string, std::int64_t> positions();
    std::optional<std::string> meta(const std::string& key);
    // Every meta value by key.
    std::map<std::string, std::string> metaAll();
    void setMeta(const std::string& key, const std::string& value);
    // A write to profile_builder_meta as the transaction's first statement:
    // takes SQLite's write lock before anything is read, so two builders
    // (threads or processes) never work from the same offset.
    void lockForWrite(TimeMs now);

    // Deletes every profile, identity and offset (meta is kept).
    void clear();

private:
    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host::profiles
