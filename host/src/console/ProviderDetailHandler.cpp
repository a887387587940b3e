// jobhost host — ProviderDetailHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ProviderDetailHandler.h"

#include "console/ApiException.h"
#include "console/JsonResponse.h"
#include "console/ProviderView.h"

namespace jobhost::host {

void ProviderDetailHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    if (!_services.pPlugins) throw ApiException(503, "no plugin registry");
    std::string name = request.param("provider");
    for (const auto& entry : _services.pPlugins->entries()) {
        if (!entry.manifest || entry.manifest->name != name) continue;
        JsonResponse::send(response, 200, ProviderView::toJson(entry, true));
        return;
    }
    throw ApiException(404, "unknown provider \"" + name + "\"; GET /api/v1/providers lists them", "provider");
}

} // namespace jobhost::host
