// jobhost host — AudienceListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AudienceListHandler.h"

#include <Poco/JSON/Array.h>

#include "audiences/MembershipRepository.h"
#include "console/JsonResponse.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"

namespace jobhost::host {

void AudienceListHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    audiences::MembershipRepository members(session);
    auto evaluated = members.evaluatedFilters();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& d : AudienceDefinitionRepository(session).list()) {
        Poco::JSON::Object::Ptr a = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        a->set("slug", d.slug);
        a->set("name", d.name);
        a->set("filter", d.filter);
        a->set("memberCount", members.memberCount(d.slug));
        a->set("enters", members.eventCount(d.slug, "enter"));
        a->set("exits", members.eventCount(d.slug, "exit"));
        auto e = evaluated.find(d.slug);
        a->set("evaluated", e != evaluated.end() && e->second == d.filter);
        items->add(a);
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("audiences", items);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
