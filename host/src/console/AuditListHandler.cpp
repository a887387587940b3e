// jobhost host — AuditListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AuditListHandler.h"

#include <Poco/JSON/Array.h>

#include "console/JsonResponse.h"
#include "store/AuditRepository.h"
#include "store/Store.h"
#include "util/JsonDocument.h"

namespace jobhost::host {

void AuditListHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::size_t limit = static_cast<std::size_t>(request.queryInt("limit", 100, 1, 1000));
    Poco::Data::Session session = store().openSession();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& entry : AuditRepository(session).list(limit)) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("id", entry.id);
        o->set("at", entry.at);
        o->set("actor", entry.actor);
        o->set("action", entry.action);
        o->set("objectType", entry.objectType);
        o->set("objectName", entry.objectName);
        try {
            o->set("detail", JsonDocument::parse(entry.detail, "audit detail"));
        } catch (const Poco::Exception&) {
            o->set("detail", entry.detail);
        }
        items->add(o);
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("audit", items);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
