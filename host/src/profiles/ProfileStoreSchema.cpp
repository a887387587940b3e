// ProfileStoreSchema.cpp — jobhost profiles: the DDL of the profile tables (one store migration).
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileStoreSchema.h"

namespace jobhost::host::profiles {

const std::vector<std::string>& ProfileStoreSchema::statements()
{
    static const std::vector<std::string> ddl{
        R"(CREATE TABLE profiles (
             id INTEGER PRIMARY KEY,
             canonical_id INTEGER NOT NULL,
             profile_json TEXT,
             created_at INTEGER NOT NULL,
             updated_at INTEGER NOT NULL))",
        R"(CREATE INDEX profiles_by_canonical ON profiles(canonical_id))",
        R"(CREATE TABLE profile_identities (
             field TEXT NOT NULL,
             value TEXT NOT NULL,
             profile_id INTEGER NOT NULL,
             PRIMARY KEY (field, value)) WITHOUT ROWID)",
        R"(CREATE INDEX profile_identities_by_profile ON profile_identities(profile_id))",
        R"(CREATE TABLE profile_builder_offsets (
             stream TEXT PRIMARY KEY,
             position INTEGER NOT NULL,
             updated_at INTEGER NOT NULL))",
        R"(CREATE TABLE profile_builder_meta (
             key TEXT PRIMARY KEY,
             value TEXT NOT NULL))",
    };
    return ddl;
}

} // namespace jobhost::host::profiles
