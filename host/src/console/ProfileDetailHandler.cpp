// jobhost host — ProfileDetailHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProfileDetailHandler.h"

#include <Poco/NumberParser.h>

#include "console/ApiException.h"
#include "console/JsonResponse.h"
#include "console/ProfileView.h"
#include "store/Store.h"

namespace jobhost::host {

void ProfileDetailHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    Poco::Int64 id = 0;
    if (!Poco::NumberParser::tryParse64(request.param("id"), id) || id <= 0) throw ApiException(400, "id: expected a positive profile number", "id");
    Poco::Data::Session session = store().openSession();
    JsonResponse::send(response, 200, ProfileView::load(session, id));
}

} // namespace jobhost::host
