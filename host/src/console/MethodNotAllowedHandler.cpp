// jobhost host — MethodNotAllowedHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/MethodNotAllowedHandler.h"

#include "console/JsonResponse.h"

namespace jobhost::host {

void MethodNotAllowedHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    std::string allow = request.param("allow");
    response.set("Allow", allow);
    JsonResponse::sendError(response, 405, request.method() + " is not allowed here; allowed: " + allow);
}

} // namespace jobhost::host
