// jobhost host — HealthHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/HealthHandler.h"

#include <Poco/JSON/Object.h>

#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void HealthHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    int status = 200;
    body->set("status", "ok");
    body->set("version", JOBHOST_VERSION);
    if (_services.pStore) {
        try {
            Poco::Data::Session session = _services.pStore->openSession();
            body->set("store", "ok");
            body->set("schemaVersion", Store::readSchemaVersion(session));
        } catch (const Poco::Exception& e) {
            status = 503;
            body->set("status", "degraded");
            body->set("store", "unavailable");
        }
    } else {
        body->set("store", "none");
    }
    JsonResponse::send(response, status, body);
}

} // namespace jobhost::host
