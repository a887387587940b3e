// jobhost host — JobListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JobListHandler.h"

#include <Poco/JSON/Array.h>

#include "console/JobView.h"
#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void JobListHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& job : JobRepository(session).list()) items->add(JobView::load(session, job, _services.pPlugins));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("jobs", items);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
