// jobhost host — ProfileView.h
// The JSON shape of a profile in console responses.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

#include "profiles/IdentityKey.h"

namespace jobhost::host {

/// Stateless; thread-safe. Reads through profiles::ProfileRepository and
/// audiences::MembershipRepository on the caller's session.
class ProfileView {
public:
    /// {"id", "identities": [{field, value}], "audiences": [{slug, since}],
    /// "profile": the plain profile JSON (Profile::toPlainJson)}. `id` may be
    /// a merged-away id; the surviving profile is shown. Throws
    /// ApiException(404) when no profile has that id.
    static Poco::JSON::Object::Ptr load(Poco::Data::Session& session, profiles::ProfileId id);
    /// The profile owning an identity key; email is tried as given, then
    /// lower-cased (as `jobhost profiles show --email`). Throws
    /// ApiException(404, field) when none.
    static profiles::ProfileId find(Poco::Data::Session& session, const std::string& field, const std::string& value);
};

} // namespace jobhost::host
