// jobhost host — ExportDetailHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ExportDetailHandler.h"

#include "console/ExportView.h"
#include "console/JsonResponse.h"
#include "store/Store.h"

namespace jobhost::host {

void ExportDetailHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    Poco::Data::Session session = store().openSession();
    JsonResponse::send(response, 200, ExportView::load(session, _services.pPlugins, request.param("job")));
}

} // namespace jobhost::host
