// jobhost host — ExportDeadLetterListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ExportDeadLetterListHandler.h"

#include <Poco/JSON/Array.h>

#include "console/ExportView.h"
#include "console/JsonResponse.h"
#include "exports/DeadLetterRepository.h"
#include "store/Store.h"

namespace jobhost::host {

void ExportDeadLetterListHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::size_t limit = static_cast<std::size_t>(request.queryInt("limit", 200, 1, 10000));
    Poco::Data::Session session = store().openSession();
    std::string job = request.param("job");
    ExportView::load(session, _services.pPlugins, job); // 404 for anything but an export
    exports::DeadLetterRepository letters(session);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& letter : letters.list(job, limit)) items->add(ExportView::deadLetter(letter));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("job", job);
    body->set("count", letters.count(job));
    body->set("deadLetters", items);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
