// jobhost host — ApiRouter.h
// Routes method + path to one handler class per route.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "console/ApiRequest.h"
#include "console/ConsoleServices.h"
#include "console/OpenApiDocument.h"
#include "console/RouteDescription.h"

namespace jobhost::host {

/// The console's RequestHandlerFactory. Each route is a method and a path
/// pattern whose "{name}" segments become RouteParams. Unknown paths get
/// NotFoundHandler (404 JSON, never Poco's 501); a known path with another
/// method gets 405 with an Allow header; other GET/HEAD paths outside /api/
/// go to StaticFileHandler (the web UI). Each route carries a
/// RouteDescription; GET /api/v1/openapi.json serves the OpenAPI document
/// generated from the table. The route table is fixed at construction;
/// createRequestHandler() is thread-safe.
class ApiRouter : public Poco::Net::HTTPRequestHandlerFactory {
public:
    using Creator = std::function<Poco::Net::HTTPRequestHandler*(const ConsoleServices&, RouteParams)>;

    /// Registers every console route. `services` must outlive the router.
    explicit ApiRouter(const ConsoleServices& services);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

    /// "GET /api/v1/jobs/{name}" lines of every route, in registration order.
    std::vector<std::string> describe() const;
    /// Every route with its description, in registration order.
    std::vector<RouteEntry> routes() const;
    /// The OpenAPI 3.1 document of routes() (what /api/v1/openapi.json serves).
    const std::string& openApiDocument() const { return *_pOpenApi; }

    /// Matches the still percent-encoded `path` against `pattern`; fills `params`
    /// (each decoded once). A malformed escape matches nothing. Pure; never throws.
    static bool match(const std::string& pattern, const std::string& path, RouteParams& params);

private:
    struct Route {
        std::string method;
        std::string pattern;
        RouteDescription description;
        Creator create;
    };
    void add(std::string method, std::string pattern, RouteDescription description, Creator create);

    const ConsoleServices& _services;
    std::vector<Route> _routes;
    std::shared_ptr<const std::string> _pOpenApi; ///< built once after the table; shared with OpenApiHandler
};

} // namespace jobhost::host
