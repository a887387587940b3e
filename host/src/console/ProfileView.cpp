// jobhost host — ProfileView.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProfileView.h"

#include <algorithm>
#include <cctype>

#include <Poco/JSON/Array.h>

#include "audiences/MembershipRepository.h"
#include "console/ApiException.h"
#include "profiles/ProfileRepository.h"
#include "util/JsonDocument.h"

namespace jobhost::host {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr ProfileView::load(Poco::Data::Session& session, profiles::ProfileId id) {
    profiles::ProfileRepository repository(session);
    profiles::ProfileId canonical = repository.canonical(id);
    std::optional<profiles::Profile> profile = repository.load(canonical);
    if (!profile) throw ApiException(404, "no profile " + std::to_string(id));
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", canonical);
    if (canonical != id) o->set("requestedId", id);
    Array::Ptr identities = new Array;
    for (const auto& key : repository.keysOf(canonical)) {
        Object::Ptr k = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        k->set("field", key.field);
        k->set("value", key.value);
        identities->add(k);
    }
    o->set("identities", identities);
    Array::Ptr memberships = new Array;
    for (const auto& [slug, since] : audiences::MembershipRepository(session).membershipsOf(canonical)) {
        Object::Ptr m = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        m->set("slug", slug);
        m->set("since", since.ms);
        memberships->add(m);
    }
    o->set("audiences", memberships);
    o->set("profile", JsonDocument::parse(profile->toPlainJson(), "profile " + std::to_string(canonical)));
    return o;
}

profiles::ProfileId ProfileView::find(Poco::Data::Session& session, const std::string& field, const std::string& value) {
    profiles::ProfileRepository repository(session);
    std::optional<profiles::ProfileId> id = repository.owner({field, value});
    if (!id && field == "email") {
        std::string lower = value;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        id = repository.owner({field, lower});
    }
    if (!id) throw ApiException(404, "no profile has " + field + " " + value, field == "email" ? "email" : "key");
    return repository.canonical(*id);
}

} // namespace jobhost::host
