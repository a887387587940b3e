// jobhost host — AuthorizationTestHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/AuthorizationTestHandler.h"

#include <Poco/Data/Transaction.h>

#include "console/ApiException.h"
#include "console/AuthorizationTester.h"
#include "console/ConsoleAudit.h"
#include "console/JsonResponse.h"
#include "store/AuthorizationRepository.h"
#include "store/Store.h"

namespace jobhost::host {

void AuthorizationTestHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const Store& db = store();
    std::string name = request.param("name");
    {
        Poco::Data::Session session = db.openSession();
        AuthorizationRepository(session).get(name); // 404 before anything else
    }
    if (!_services.pTester) throw ApiException(503, "authorization tests need the runtime; start the console with 'jobhost serve'");
    AuthorizationTestResult result = _services.pTester->test(name);

    Poco::JSON::Object::Ptr outcome = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    outcome->set("ok", result.ok);
    outcome->set("message", result.message);
    Poco::Data::Session session = db.openSession();
    Poco::Data::Transaction transaction(session);
    ConsoleAudit::record(session, request.actor(), "test", "authorization", name, {}, nullptr, outcome);
    transaction.commit();

    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("authorization", name);
    body->set("ok", result.ok);
    body->set("message", result.message);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
