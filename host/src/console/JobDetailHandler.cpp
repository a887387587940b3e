// jobhost host — JobDetailHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobDetailHandler.h"

#include <Poco/JSON/Array.h>

#include "console/JobView.h"
#include "console/JsonResponse.h"
#include "console/RunView.h"
#include "store/Store.h"

namespace jobhost::host {

void JobDetailHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    JobRecord job = JobRepository(session).get(request.param("name"));
    Poco::JSON::Object::Ptr body = JobView::load(session, job, _services.pPlugins);
    Poco::JSON::Array::Ptr runs = new Poco::JSON::Array;
    for (const auto& run : RunRepository(session).list(job.name, 20)) {
        std::optional<RunProgress> progress = _services.pProgress ? _services.pProgress->find(run.id) : std::nullopt;
        runs->add(RunView::toJson(run, progress, nullptr));
    }
    body->set("runs", runs);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
