// jobhost host — RunDetailHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/RunDetailHandler.h"

#include <Poco/NumberParser.h>

#include "console/ApiException.h"
#include "console/JsonResponse.h"
#include "console/RunView.h"
#include "store/Store.h"

namespace jobhost::host {

void RunDetailHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    Poco::Int64 id = 0;
    if (!Poco::NumberParser::tryParse64(request.param("id"), id) || id <= 0) throw ApiException(400, "id: expected a run number", "id");
    Poco::Data::Session session = store().openSession();
    RunRepository runs(session);
    std::optional<RunRecord> run = runs.find(id);
    if (!run) throw ApiException(404, "no run " + std::to_string(id));
    std::vector<RunLogLine> log = runs.log(id);
    std::optional<RunProgress> progress = _services.pProgress ? _services.pProgress->find(id) : std::nullopt;
    JsonResponse::send(response, 200, RunView::toJson(*run, progress, &log));
}

} // namespace jobhost::host
