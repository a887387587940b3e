// jobhost host — AudienceDetailHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AudienceDetailHandler.h"

#include <Poco/JSON/Array.h>

#include "audiences/MembershipRepository.h"
#include "console/ApiException.h"
#include "console/JsonResponse.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"

namespace jobhost::host {

void AudienceDetailHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::size_t limit = static_cast<std::size_t>(request.queryInt("limit", 200, 1, 1000));
    Poco::Data::Session session = store().openSession();
    std::string slug = request.param("slug");
    std::optional<AudienceDefinition> d = AudienceDefinitionRepository(session).find(slug);
    if (!d) throw ApiException(404, "audience \"" + slug + "\" is not defined", "slug");
    audiences::MembershipRepository members(session);
    auto evaluated = members.evaluatedFilters();
    Poco::JSON::Object::Ptr a = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    a->set("slug", d->slug);
    a->set("name", d->name);
    a->set("filter", d->filter);
    a->set("memberCount", members.memberCount(slug));
    a->set("enters", members.eventCount(slug, "enter"));
    a->set("exits", members.eventCount(slug, "exit"));
    auto e = evaluated.find(slug);
    a->set("evaluated", e != evaluated.end() && e->second == d->filter);
    Poco::JSON::Array::Ptr recent = new Poco::JSON::Array;
    for (const auto& ev : members.recentEvents(slug, limit)) {
        Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        r->set("at", ev.at.ms);
        r->set("event", ev.event);
        r->set("profile", ev.profile);
        r->set("cause", ev.cause);
        recent->add(r);
    }
    a->set("recent", recent);
    Poco::JSON::Array::Ptr sample = new Poco::JSON::Array;
    for (auto id : members.members(slug)) {
        if (sample->size() >= 100) break;
        sample->add(id);
    }
    a->set("members", sample);
    JsonResponse::send(response, 200, a);
}

} // namespace jobhost::host
