// ProfileFieldSource.h — jobhost audiences: FilterQL's view of a profile.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lql/FieldSource.h"
#include "profiles/Profile.h"

namespace jobhost::host::audiences {

// The expression engine's and the profile side's types this header speaks in.
using lql::FieldSource;
using lql::Value;
using profiles::Profile;

// Reads profile fields for the evaluator (Profile::get: plain values,
// "map.key" entries, nil when missing). Holds a reference: the profile must
// outlive this object. Const and thread-safe while the profile is not modified.
class ProfileFieldSource : public FieldSource {
public:
    explicit ProfileFieldSource(const Profile& profile)
        : _profile(profile)
    {
    }
    Value get(const std::string& name) const override { return _profile.get(name); }

private:
    const Profile& _profile;
};

} // namespace jobhost::host::audiences
