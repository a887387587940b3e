// jobhost host — RouteDescription.h
// What one console route does, for the OpenAPI document.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace jobhost::host {

/// Written next to each route in ApiRouter's table, so the OpenAPI document
/// (OpenApiDocument) is generated from the routes the router really serves.
/// Path parameters come from the route pattern's "{name}" segments. A plain
/// value; the with*() setters return *this for chaining.
struct RouteDescription {
    RouteDescription(std::string tagName, std::string oneLine) : tag(std::move(tagName)), summary(std::move(oneLine)) {}

    RouteDescription& withQuery(std::vector<std::string> names) { query = std::move(names); return *this; }
    RouteDescription& withSuccess(int status) { success = status; return *this; }
    RouteDescription& withJsonBody() { jsonBody = true; return *this; }
    RouteDescription& withoutToken() { requiresToken = false; return *this; }
    RouteDescription& withContentType(std::string type) { contentType = std::move(type); return *this; }

    std::string tag;                ///< group in the document: "jobs", "runs", ...
    std::string summary;            ///< one line
    std::vector<std::string> query; ///< query parameters the handler reads
    int success = 200;              ///< status of a successful answer (201 created, 202 accepted)
    bool jsonBody = false;          ///< takes a JSON object body (POST/PUT forms)
    bool requiresToken = true;      ///< false for /healthz and the document itself
    std::string contentType = "application/json"; ///< of the successful answer ("a, b" when either)
};

} // namespace jobhost::host
