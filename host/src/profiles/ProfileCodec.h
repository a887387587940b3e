// ProfileCodec.h — jobhost profiles: the compact binary form profiles are stored in.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/Profile.h"

#include <string>

namespace jobhost::host::profiles {

// Encodes a Profile as the bytes the store keeps (profiles.profile_json) and
// decodes them back, exactly: every field's kind, merge operator, presence,
// value (with its type) and timestamps round-trip, so decode(encode(p))
// encodes to the same bytes. Stateless and thread-safe.
//
// Format (version 1): the byte 0x01, then a varint field count and, per
// field in name order: name (varint length + bytes), kind (1 byte), merge
// operator (1 byte), presence (1 byte), updated (zigzag varint), value time
// (zigzag varint, relative to updated), then the scalar value or a varint
// entry count and per entry (key order) the key, the entry value and its
// first/last times (relative to updated). A value is a type byte then:
// string = length + bytes, int = zigzag varint, number = 8 bytes IEEE-754
// little endian, bool = 1 byte, time = zigzag varint relative to updated,
// list = count + strings, map = count + (key, value) pairs. Integers are
// LEB128 varints, so small numbers and near-"updated" times take 1–3 bytes
// where the JSON text took 13–20.
//
// Stores written before this format hold Profile::toJson text; decode()
// reads those too (text starts with '{', never with 0x01).
class ProfileCodec {
public:
    static std::string encode(const Profile& profile);
    // Throws ProfileException on truncated or malformed bytes, an unknown
    // format version, kind or operator (and on malformed legacy JSON).
    static Profile decode(const std::string& bytes);
};

} // namespace jobhost::host::profiles
