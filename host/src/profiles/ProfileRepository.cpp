// ProfileRepository.cpp — jobhost profiles: SQL for profiles, identities and builder offsets.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileRepository.h"

#include "profiles/ProfileCodec.h"
#include "profiles/ProfileException.h"
#include "store/SqlValues.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

namespace jobhost::host::profiles {

using namespace Poco::Data::Keywords;

ProfileRepository::ProfileRepository(Poco::Data::Session& session)
    : _session(session), _sql(SqlDialect::of(session))
{
}

ProfileId ProfileRepository::canonical(ProfileId id)
{
    std::vector<Poco::Int64> found;
    Poco::Int64 v = id;
    _session << _sql("SELECT canonical_id FROM profiles WHERE id = ?"), use(v), into(found), now;
    return found.empty() ? id : found.front();
}

std::optional<Profile> ProfileRepository::loadExact(ProfileId id)
{
    auto found = loadExactEncoded({id});
    if (found.empty()) return std::nullopt;
    return ProfileCodec::decode(found.front().second);
}

std::optional<std::string> ProfileRepository::loadEncoded(ProfileId id)
{
    auto found = loadExactEncoded({canonical(id)});
    if (found.empty()) return std::nullopt;
    return std::move(found.front().second);
}

std::optional<Profile> ProfileRepository::load(ProfileId id)
{
    auto bytes = loadEncoded(id);
    if (!bytes) return std::nullopt;
    return ProfileCodec::decode(*bytes);
}

ProfileId ProfileRepository::create(TimeMs when)
{
    Poco::Nullable<Poco::Int64> max;
    _session << _sql("SELECT MAX(id) FROM profiles"), into(max), now;
    Poco::Int64 id = max.isNull() ? 1 : max.value() + 1;
    Poco::Int64 at = when.ms;
    Poco::Data::BLOB bytes = sql::blob(ProfileCodec::encode(Profile()));
    _session << _sql("INSERT INTO profiles (id, canonical_id, profile_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"), use(id),
        use(id), use(bytes), use(at), use(at), now;
    return id;
}

void ProfileRepository::save(ProfileId id, const Profile& profile, TimeMs when)
{
    Poco::Int64 v = id, at = when.ms;
    Poco::Data::BLOB bytes = sql::blob(ProfileCodec::encode(profile));
    _session << _sql("UPDATE profiles SET profile_json = ?, updated_at = ? WHERE id = ?"), use(bytes), use(at), use(v), now;
}

void ProfileRepository::markMerged(ProfileId from, ProfileId into, TimeMs when)
{
    Poco::Int64 f = from, i = into, at = when.ms;
    _session << _sql("UPDATE profiles SET canonical_id = ?, updated_at = ? WHERE canonical_id = ?"), use(i), use(at), use(f), now;
}

void ProfileRepository::drop(ProfileId id, TimeMs when)
{
    Poco::Int64 v = id, at = when.ms;
    _session << _sql("UPDATE profiles SET profile_json = NULL, updated_at = ? WHERE id = ?"), use(at), use(v), now;
}

std::vector<ProfileId> ProfileRepository::ids()
{
    std::vector<Poco::Int64> ids;
    _session << _sql("SELECT id FROM profiles WHERE canonical_id = id ORDER BY id"), into(ids), now;
    return {ids.begin(), ids.end()};
}

void ProfileRepository::forEach(const std::function<void(ProfileId, const Profile&)>& visit, std::size_t pageSize)
{
    const std::size_t limit = pageSize ? pageSize : 500;
    ProfileId after = 0;
    for (;;) {
        auto page = pageEncoded(after, limit);
        for (const auto& [id, bytes] : page) visit(id, ProfileCodec::decode(bytes));
        if (page.size() < limit) return;
        after = page.back().first;
    }
}

std::vector<std::pair<ProfileId, std::string>> ProfileRepository::pageEncoded(ProfileId after, std::size_t limit)
{
    Poco::Int64 from = after;
    Poco::Int64 n = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> ids;
    std::vector<Poco::Data::BLOB> bytes;
    _session << _sql("SELECT id, profile_json FROM profiles WHERE id > ? AND canonical_id = id AND profile_json IS NOT NULL "
                "ORDER BY id LIMIT ?"),
        use(from), use(n), into(ids), into(bytes), now;
    std::vector<std::pair<ProfileId, std::string>> out;
    out.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) out.emplace_back(ids[i], sql::bytes(bytes[i]));
    return out;
}

std::int64_t ProfileRepository::count()
{
    Poco::Int64 n = 0;
    _session << _sql("SELECT COUNT(*) FROM profiles WHERE canonical_id = id"), into(n), now;
    return n;
}

ProfileId ProfileRepository::maxId()
{
    Poco::Nullable<Poco::Int64> max;
    _session << _sql("SELECT MAX(id) FROM profiles"), into(max), now;
    return max.isNull() ? 0 : max.value();
}

void ProfileRepository::insertProfiles(const std::vector<ProfileId>& ids, const std::vector<ProfileId>& canonicals, TimeMs when)
{
    if (ids.empty()) return;
    std::vector<Poco::Int64> id(ids.begin(), ids.end()), canonical(canonicals.begin(), canonicals.end());
    std::vector<Poco::Data::BLOB> bytes(ids.size(), sql::blob(ProfileCodec::encode(Profile())));
    std::vector<Poco::Int64> at(ids.size(), when.ms);
    _session << _sql("INSERT INTO profiles (id, canonical_id, profile_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"), use(id),
        use(canonical), use(bytes), use(at), use(at), now;
}

std::vector<std::pair<ProfileId, std::string>> ProfileRepository::loadExactEncoded(const std::vector<ProfileId>& ids)
{
    std::vector<std::pair<ProfileId, std::string>> out;
    if (ids.empty()) return out;
    std::vector<Poco::Int64> wanted(ids.begin(), ids.end()), found;
    std::vector<Poco::Data::BLOB> bytes;
    _session << _sql("SELECT id, profile_json FROM profiles WHERE id = ? AND profile_json IS NOT NULL"), use(wanted), into(found),
        into(bytes), now;
    for (std::size_t i = 0; i < found.size(); ++i) out.emplace_back(found[i], sql::bytes(bytes[i]));
    return out;
}

void ProfileRepository::saveEncoded(const std::vector<ProfileId>& ids, const std::vector<std::string>& encoded, TimeMs when)
{
    if (ids.empty()) return;
    std::vector<Poco::Int64> id(ids.begin(), ids.end());
    std::vector<Poco::Data::BLOB> bytes;
    bytes.reserve(encoded.size());
    for (const auto& e : encoded) bytes.push_back(sql::blob(e));
    std::vector<Poco::Int64> at(ids.size(), when.ms);
    _session << _sql("UPDATE profiles SET profile_json = ?, updated_at = ? WHERE id = ?"), use(bytes), use(at), use(id), now;
}

void ProfileRepository::drop(const std::vector<ProfileId>& ids, TimeMs when)
{
    if (ids.empty()) return;
    std::vector<Poco::Int64> id(ids.begin(), ids.end());
    std::vector<Poco::Int64> at(ids.size(), when.ms);
    _session << _sql("UPDATE profiles SET profile_json = NULL, updated_at = ? WHERE id = ?"), use(at), use(id), now;
}

std::vector<std::pair<IdentityKey, ProfileId>> ProfileRepository::owners(const std::vector<IdentityKey>& keys)
{
    std::vector<std::pair<IdentityKey, ProfileId>> out;
    if (keys.empty()) return out;
    std::vector<std::string> fields, values, foundFields, foundValues;
    for (const auto& k : keys) {
        fields.push_back(k.field);
        values.push_back(k.value);
    }
    std::vector<Poco::Int64> foundOwners;
    _session << _sql("SELECT field, value, profile_id FROM profile_identities WHERE field = ? AND value = ?"), use(fields), use(values),
        into(foundFields), into(foundValues), into(foundOwners), now;
    for (std::size_t i = 0; i < foundOwners.size(); ++i) out.push_back({{foundFields[i], foundValues[i]}, foundOwners[i]});
    return out;
}

std::vector<std::pair<ProfileId, IdentityKey>> ProfileRepository::keysOfMany(const std::vector<ProfileId>& canonicalIds)
{
    std::vector<std::pair<ProfileId, IdentityKey>> out;
    if (canonicalIds.empty()) return out;
    std::vector<Poco::Int64> ids(canonicalIds.begin(), canonicalIds.end()), owners;
    std::vector<std::string> fields, values;
    _session << _sql("SELECT profile_id, field, value FROM profile_identities WHERE profile_id = ? ORDER BY field, value"), use(ids),
        into(owners), into(fields), into(values), now;
    for (std::size_t i = 0; i < owners.size(); ++i) out.push_back({owners[i], {fields[i], values[i]}});
    return out;
}

void ProfileRepository::attachMany(const std::vector<std::pair<IdentityKey, ProfileId>>& keys)
{
    if (keys.empty()) return;
    std::vector<std::string> fields, values;
    std::vector<Poco::Int64> owners;
    for (const auto& [k, p] : keys) {
        fields.push_back(k.field);
        values.push_back(k.value);
        owners.push_back(p);
    }
    // A key already owned inserts nothing (an error would end the caller's
    // transaction on PostgreSQL) and is counted missing.
    const std::string insert = _sql("INSERT INTO profile_identities (field, value, profile_id) VALUES (?, ?, ?) "
                                    "ON CONFLICT (field, value) DO NOTHING");
    std::size_t inserted = 0;
    if (_sql.countsBulkRows()) {
        Poco::Data::Statement statement(_session);
        statement << insert, use(fields), use(values), use(owners);
        inserted = statement.execute();
    } else {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            Poco::Data::Statement statement(_session);
            statement << insert, use(fields[i]), use(values[i]), use(owners[i]);
            inserted += statement.execute();
        }
    }
    if (inserted != fields.size()) throw ProfileException("an identity key attached by this batch is already owned");
}

std::optional<ProfileId> ProfileRepository::owner(const IdentityKey& key)
{
    std::string f = key.field, v = key.value;
    std::vector<Poco::Int64> found;
    _session << _sql("SELECT profile_id FROM profile_identities WHERE field = ? AND value = ?"), use(f), use(v), into(found), now;
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<IdentityKey> ProfileRepository::keysOf(ProfileId canonicalId)
{
    Poco::Int64 id = canonicalId;
    std::vector<std::string> fields, values;
    _session << _sql("SELECT field, value FROM profile_identities WHERE profile_id = ? ORDER BY field, value"), use(id), into(fields),
        into(values), now;
    std::vector<IdentityKey> keys;
    for (std::size_t i = 0; i < fields.size(); ++i) keys.push_back({fields[i], values[i]});
    return keys;
}

void ProfileRepository::attach(const IdentityKey& key, ProfileId profile)
{
    std::string f = key.field, v = key.value;
    Poco::Int64 id = profile;
    // DO NOTHING, not a caught constraint error: on PostgreSQL an error ends
    // the caller's transaction.
    Poco::Data::Statement insert(_session);
    insert << _sql("INSERT INTO profile_identities (field, value, profile_id) VALUES (?, ?, ?) ON CONFLICT (field, value) DO NOTHING"),
        use(f), use(v), use(id);
    if (insert.execute() == 0) throw ProfileException("identity key " + key.toString() + " is already owned");
}

void ProfileRepository::moveKeys(ProfileId from, ProfileId into)
{
    Poco::Int64 f = from, i = into;
    _session << _sql("UPDATE profile_identities SET profile_id = ? WHERE profile_id = ?"), use(i), use(f), now;
}

std::int64_t ProfileRepository::identityCount()
{
    Poco::Int64 n = 0;
    _session << _sql("SELECT COUNT(*) FROM profile_identities"), into(n), now;
    return n;
}

std::int64_t ProfileRepository::position(const std::string& stream)
{
    std::string s = stream;
    std::vector<Poco::Int64> found;
    _session << _sql("SELECT position FROM profile_builder_offsets WHERE stream = ?"), use(s), into(found), now;
    return found.empty() ? 0 : found.front();
}

void ProfileRepository::savePosition(const std::string& stream, std::int64_t position, TimeMs when)
{
    std::string s = stream;
    Poco::Int64 p = position, at = when.ms;
    _session << _sql("INSERT INTO profile_builder_offsets (stream, position, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at"),
        use(s), use(p), use(at), now;
}

std::map<std::string, std::int64_t> ProfileRepository::positions()
{
    std::vector<std::string> streams;
    std::vector<Poco::Int64> positions;
    _session << _sql("SELECT stream, position FROM profile_builder_offsets ORDER BY stream"), into(streams), into(positions), now;
    std::map<std::string, std::int64_t> out;
    for (std::size_t i = 0; i < streams.size(); ++i) out[streams[i]] = positions[i];
    return out;
}

std::optional<std::string> ProfileRepository::meta(const std::string& key)
{
    std::string k = key;
    std::vector<std::string> found;
    _session << _sql("SELECT value FROM profile_builder_meta WHERE key = ?"), use(k), into(found), now;
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::map<std::string, std::string> ProfileRepository::metaAll()
{
    std::vector<std::string> keys, values;
    _session << _sql("SELECT key, value FROM profile_builder_meta"), into(keys), into(values), now;
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < keys.size(); ++i) out[keys[i]] = values[i];
    return out;
}

void ProfileRepository::setMeta(const std::string& key, const std::string& value)
{
    std::string k = key, v = value;
    _session << _sql("INSERT INTO profile_builder_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        use(k), use(v), now;
}

void ProfileRepository::lockForWrite(TimeMs when)
{
    setMeta("lock", std::to_string(when.ms));
}

void ProfileRepository::clear()
{
    _session << _sql("DELETE FROM profile_identities"), now;
    _session << _sql("DELETE FROM profiles"), now;
    _session << _sql("DELETE FROM profile_builder_offsets"), now;
}

} // namespace jobhost::host::profiles
