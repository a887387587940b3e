// jobhost host — NotFoundHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/NotFoundHandler.h"

#include <Poco/URI.h>

#include "console/ApiException.h"

namespace jobhost::host {

void NotFoundHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse&) {
    throw ApiException(404, "no route for " + request.method() + " " + Poco::URI(request.raw().getURI()).getPath() +
                                "");
}

} // namespace jobhost::host
