// jobhost host — RunListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/RunListHandler.h"

#include <Poco/JSON/Array.h>

#include "console/JsonResponse.h"
#include "console/RunView.h"
#include "store/Store.h"

namespace jobhost::host {

void RunListHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::string job = request.query("job");
    std::size_t limit = static_cast<std::size_t>(request.queryInt("limit", 50, 1, 500));
    Poco::Data::Session session = store().openSession();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& run : RunRepository(session).list(job, limit)) {
        std::optional<RunProgress> progress = _services.pProgress ? _services.pProgress->find(run.id) : std::nullopt;
        items->add(RunView::toJson(run, progress, nullptr));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("runs", items);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
