// Profile.h — jobhost profiles: a user profile (fields → typed values with timestamps).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/Contribution.h"
#include "profiles/FieldValue.h"

#include <map>
#include <string>
#include <vector>

namespace jobhost::host::profiles {

// A profile: named fields, each a FieldValue with its kind, merge operator
// and per-field (and per-entry) event timestamps. Plain value type, not
// synchronised; the store keeps it in ProfileCodec's binary form.
class Profile {
public:
    // Applies one contribution with its merge operator (§4). A field is
    // created with the contribution's kind; when the field already exists
    // with another kind, the value is coerced to the stored kind and dropped
    // if that fails. Never throws.
    void apply(const Contribution& contribution);
    void apply(const std::vector<Contribution>& contributions);

    // Merges another profile into this one, field by field, with this
    // profile's merge operators (the other's for fields only it has).
    // Counters add once; sets union; scalars keep the newer timestamp.
    void merge(const Profile& other);

    bool has(const std::string& field) const { return _fields.count(field) != 0; }
    // nullptr when the field is absent.
    const FieldValue* field(const std::string& name) const;
    // The plain value of a field (FieldValue::value()), or nil when absent.
    // "name.key" reads one entry of map field "name" when no field has the
    // full name (nil when the key is absent).
    Value get(const std::string& name) const;
    const FlatMap<FieldValue>& fields() const { return _fields; }
    // The newest event timestamp that changed any field (0 when empty).
    TimeMs updated() const;

    // JSON form of the stored state (round-trips through fromJson); the store
    // itself keeps ProfileCodec's binary form, which still reads this text.
    std::string toJson() const;
    // Parses storage JSON. Throws ProfileException on malformed text or
    // unknown kinds/operators.
    static Profile fromJson(const std::string& json);

    // The user-facing view of §10: fields in alphabetical order, sets as
    // sorted arrays, maps as objects, dates as RFC3339 UTC with milliseconds.
    std::string toPlainJson() const;
    // The same view of the named fields only (selectFields).
    std::string toPlainJson(const std::vector<std::string>& only) const;
    // A profile of the named fields only, as get() resolves names: a field
    // of that name, else for "name.key" the map field "name"; absent names
    // are left out.
    Profile selectFields(const std::vector<std::string>& names) const;

    // Puts a field rebuilt from stored parts (ProfileCodec::decode); replaces
    // a field of the same name.
    void restoreField(std::string name, FieldValue field) { _fields.insert_or_assign(std::move(name), std::move(field)); }
    // Room for n fields (the decoder knows how many follow).
    void reserveFields(std::size_t n) { _fields.reserve(n); }

private:
    FlatMap<FieldValue> _fields;
};

} // namespace jobhost::host::profiles
