// jobhost host — ApiRouter.h
// Routes method + path to one handler class per route.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "console/ApiRequest.h"
#include "console/ConsoleServices.h"

namespace jobhost::host {

/// The console's RequestHandlerFactory. Each route is a method and a path
/// pattern whose "{name}" segments become RouteParams. Unknown paths get
/// NotFoundHandler (404 JSON, never Poco's 501); a known path with another
/// method gets 405 with an Allow header; other GET/HEAD paths outside /api/
/// go to StaticFileHandler (the web UI). The route table is fixed at
/// construction; createRequestHandler() is thread-safe.
class ApiRouter : public Poco::Net::HTTPRequestHandlerFactory {
public:
    using Creator = std::function<Poco::Net::HTTPRequestHandler*(const ConsoleServices&, RouteParams)>;

    /// Registers every console route. `services` must outlive the router.
    explicit ApiRouter(const ConsoleServices& services);

    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

    /// "GET /api/v1/jobs/{name}" lines of every route, in registration order.
    std::vector<std::string> describe() const;

    /// Matches `path` against `pattern`; fills `params` (URL-decoded). Pure.
    static bool match(const std::string& pattern, const std::string& path, RouteParams& params);

private:
    struct Route {
        std::string method;
        std::string pattern;
        Creator create;
    };
    void add(std::string method, std::string pattern, Creator create);

    const ConsoleServices& _services;
    std::vector<Route> _routes;
};

} // namespace jobhost::host
