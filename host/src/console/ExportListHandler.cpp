// jobhost host — ExportListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ExportListHandler.h"

#include "console/ExportView.h"
#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void ExportListHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("exports", ExportView::list(session, _services.pPlugins));
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
