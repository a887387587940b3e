// jobhost host — ProfileSearchHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProfileSearchHandler.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "console/ApiException.h"
#include "console/JsonResponse.h"
#include "console/ProfileView.h"
#include "audiences/MembershipRepository.h"
#include "audiences/ProfileListing.h"
#include "profiles/ProfileRepository.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"
#include "util/JsonDocument.h"

namespace jobhost::host {

void ProfileSearchHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    std::string email = request.query("email");
    std::string id = request.query("id");
    std::string key = request.query("key");
    if (!id.empty()) {
        Poco::Int64 n = 0;
        if (!Poco::NumberParser::tryParse64(id, n) || n <= 0) throw ApiException(400, "id: expected a positive profile number", "id");
        JsonResponse::send(response, 200, ProfileView::load(session, n));
        return;
    }
    if (!email.empty()) {
        JsonResponse::send(response, 200, ProfileView::load(session, ProfileView::find(session, "email", email)));
        return;
    }
    if (!key.empty()) {
        auto eq = key.find('=');
        if (eq == std::string::npos || eq == 0) throw ApiException(400, "key: expected FIELD=VALUE", "key");
        JsonResponse::send(response, 200, ProfileView::load(session, ProfileView::find(session, key.substr(0, eq), key.substr(eq + 1))));
        return;
    }
    listPage(request, session, response);
}

void ProfileSearchHandler::listPage(ApiRequest& request, Poco::Data::Session& session, Poco::Net::HTTPServerResponse& response) {
    const std::size_t limit = static_cast<std::size_t>(request.queryInt("limit", 50, 1, 1000));
    Poco::Int64 after = 0;
    const std::string cursor = request.query("after");
    if (!cursor.empty() && (!Poco::NumberParser::tryParse64(cursor, after) || after < 0))
        throw ApiException(400, "after: expected the \"next\" cursor of a previous page", "after");
    const std::string audience = request.query("audience");
    if (!audience.empty() && !AudienceDefinitionRepository(session).find(audience))
        throw ApiException(404, "audience \"" + audience + "\" is not defined", "audience");

    auto page = audiences::ProfileListing(session, audience).page(after, limit);
    profiles::ProfileRepository repository(session);

    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("count", audience.empty() ? repository.count() : audiences::MembershipRepository(session).memberCount(audience));
    body->set("identityKeys", repository.identityCount());
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& e : page.entries) {
        Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        r->set("id", e.id);
        if (!e.email.empty()) r->set("email", e.email);
        r->set("updated", e.profile.updated().ms);
        r->set("profile", JsonDocument::parse(e.profile.toPlainJson(), "profile " + std::to_string(e.id)));
        list->add(r);
    }
    body->set("profiles", list);
    if (page.next)
        body->set("next", std::to_string(*page.next));
    else
        body->set("next", Poco::Dynamic::Var());
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
