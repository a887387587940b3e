// ProfileStoreSchema.h — jobhost profiles: the DDL of the profile tables (one store migration).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace jobhost::host::profiles {

// The statements of the store migration that adds the profile tables; the
// store's Migrations list appends them as one versioned step. Never edit a
// released list — add a new migration instead. Stateless; thread-safe.
//
//  profiles                 id, canonical_id (union-find: the surviving
//                           profile, itself when not merged), profile_json
//                           (Profile::toJson; NULL once merged away),
//                           created_at, updated_at (ms)
//  profile_identities       (field, value) → profile_id (always canonical)
//  profile_builder_offsets  stream → last stream_events.seq applied
//  profile_builder_meta     key → value (mapping fingerprint, rebuild flag, lock)
class ProfileStoreSchema {
public:
    static const std::vector<std::string>& statements();
};

} // namespace jobhost::host::profiles
