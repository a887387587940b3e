// jobhost host — JobRunHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobRunHandler.h"

#include <Poco/Data/Transaction.h>

#include "console/ApiException.h"
#include "console/ConsoleAudit.h"
#include "console/JobControl.h"
#include "console/JsonResponse.h"
#include "store/JobRepository.h"
#include "store/Store.h"

namespace jobhost::host {

void JobRunHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    const Store& db = store();
    std::string name = request.param("name");
    {
        Poco::Data::Session session = db.openSession();
        JobRepository(session).get(name); // 404 before anything else
    }
    if (!_services.pJobControl) throw ApiException(503, "running jobs needs the scheduler; start the console with 'jobhost serve'");
    Poco::Int64 runId = _services.pJobControl->runNow(name);

    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("job", name);
    body->set("runId", runId ? Poco::Dynamic::Var(runId) : Poco::Dynamic::Var());
    Poco::Data::Session session = db.openSession();
    Poco::Data::Transaction transaction(session);
    ConsoleAudit::record(session, request.actor(), "run", "job", name, {}, nullptr, body);
    transaction.commit();
    JsonResponse::send(response, 202, body);
}

} // namespace jobhost::host
