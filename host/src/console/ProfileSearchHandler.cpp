// jobhost host — ProfileSearchHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProfileSearchHandler.h"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "console/ApiException.h"
#include "console/JsonResponse.h"
#include "console/ProfileView.h"
#include "profiles/ProfileRepository.h"
#include "store/Store.h"

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
    profiles::ProfileRepository repository(session);
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("count", repository.count());
    body->set("identityKeys", repository.identityCount());
    Poco::JSON::Array::Ptr recent = new Poco::JSON::Array;
    std::vector<profiles::ProfileId> ids = repository.ids();
    for (auto it = ids.rbegin(); it != ids.rend() && recent->size() < 20; ++it) {
        Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        r->set("id", *it);
        for (const auto& k : repository.keysOf(*it))
            if (k.field == "email") {
                r->set("email", k.value);
                break;
            }
        recent->add(r);
    }
    body->set("recent", recent);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
