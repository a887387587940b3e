// jobhost host — ProviderListHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProviderListHandler.h"

#include <Poco/JSON/Array.h>

#include "console/ApiException.h"
#include "console/JsonResponse.h"
#include "console/ProviderView.h"

namespace jobhost::host {

void ProviderListHandler::handle(ApiRequest&, Poco::Net::HTTPServerResponse& response) {
    if (!_services.pPlugins) throw ApiException(503, "no plugin registry");
    Poco::JSON::Array::Ptr providers = new Poco::JSON::Array;
    for (const auto& entry : _services.pPlugins->entries()) providers->add(ProviderView::toJson(entry, false));
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("providers", providers);
    JsonResponse::send(response, 200, body);
}

} // namespace jobhost::host
