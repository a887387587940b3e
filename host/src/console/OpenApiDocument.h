// jobhost host — OpenApiDocument.h
// Builds the console's OpenAPI 3.1 document from the router's route table.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "console/RouteDescription.h"

namespace jobhost::host {

/// One served route: method, pattern ("/api/v1/jobs/{name}") and what it does.
struct RouteEntry {
    std::string method;
    std::string pattern;
    RouteDescription description;
};

/// Turns the route table into an OpenAPI 3.1.0 document: one operation per
/// route (operationId, tag, summary, path and query parameters, JSON
/// request body, the success answer and the JSON error answers the
/// ApiHandler base produces), bearer-token security except on public routes.
/// Pure; never throws for a table whose patterns start with '/'.
class OpenApiDocument {
public:
    /// The document as JSON text (stable key order).
    static std::string build(const std::vector<RouteEntry>& routes, const std::string& version);
};

} // namespace jobhost::host
