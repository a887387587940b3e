// jobhost host — OpenApiHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/OpenApiHandler.h"

#include "console/JsonResponse.h"

namespace jobhost::host {

void OpenApiHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    JsonResponse::sendText(response, 200, "application/json; charset=utf-8", *_pDocument);
}

} // namespace jobhost::host
