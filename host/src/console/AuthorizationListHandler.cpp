// jobhost host — AuthorizationListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AuthorizationListHandler.h"

#include <Poco/JSON/Array.h>

#include "console/AuthorizationView.h"
#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void AuthorizationListHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& record : AuthorizationRepository(session).list()) items->add(AuthorizationView::toJson(record, _services.pPlugins));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("authorizations", items);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
