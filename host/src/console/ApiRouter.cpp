// jobhost host — ApiRouter.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ApiRouter.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include "console/AudienceDetailHandler.h"
#include "console/AudienceListHandler.h"
#include "console/AuditListHandler.h"
#include "console/AuthorizationCreateHandler.h"
#include "console/AuthorizationListHandler.h"
#include "console/AuthorizationTestHandler.h"
#include "console/AuthorizationUpdateHandler.h"
#include "console/ExportDeadLetterListHandler.h"
#include "console/ExportDetailHandler.h"
#include "console/ExportListHandler.h"
#include "console/ExportReplayHandler.h"
#include "console/HealthHandler.h"
#include "console/JobCreateHandler.h"
#include "console/JobDetailHandler.h"
#include "console/JobListHandler.h"
#include "console/JobPauseHandler.h"
#include "console/JobResumeHandler.h"
#include "console/JobRunHandler.h"
#include "console/JobUpdateHandler.h"
#include "console/MethodNotAllowedHandler.h"
#include "console/MetricsHandler.h"
#include "console/NotFoundHandler.h"
#include "console/ProfileDetailHandler.h"
#include "console/ProfileSearchHandler.h"
#include "console/ProviderDetailHandler.h"
#include "console/ProviderListHandler.h"
#include "console/RunDetailHandler.h"
#include "console/RunListHandler.h"
#include "console/StaticFileHandler.h"

namespace jobhost::host {
namespace {

template <typename Handler>
ApiRouter::Creator make() {
    return [](const ConsoleServices& services, RouteParams params) -> Poco::Net::HTTPRequestHandler* {
        return new Handler(services, std::move(params));
    };
}

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace

ApiRouter::ApiRouter(const ConsoleServices& services) : _services(services) {
    add("GET", "/healthz", make<HealthHandler>());
    add("GET", "/metrics", make<MetricsHandler>());
    add("GET", "/api/v1/providers", make<ProviderListHandler>());
    add("GET", "/api/v1/providers/{provider}", make<ProviderDetailHandler>());
    add("GET", "/api/v1/authorizations", make<AuthorizationListHandler>());
    add("POST", "/api/v1/authorizations", make<AuthorizationCreateHandler>());
    add("PUT", "/api/v1/authorizations/{name}", make<AuthorizationUpdateHandler>());
    add("POST", "/api/v1/authorizations/{name}/test", make<AuthorizationTestHandler>());
    add("GET", "/api/v1/jobs", make<JobListHandler>());
    add("POST", "/api/v1/jobs", make<JobCreateHandler>());
    add("GET", "/api/v1/jobs/{name}", make<JobDetailHandler>());
    add("PUT", "/api/v1/jobs/{name}", make<JobUpdateHandler>());
    add("POST", "/api/v1/jobs/{name}/run", make<JobRunHandler>());
    add("POST", "/api/v1/jobs/{name}/pause", make<JobPauseHandler>());
    add("POST", "/api/v1/jobs/{name}/resume", make<JobResumeHandler>());
    add("GET", "/api/v1/runs", make<RunListHandler>());
    add("GET", "/api/v1/runs/{id}", make<RunDetailHandler>());
    add("GET", "/api/v1/audit", make<AuditListHandler>());
    add("GET", "/api/v1/profiles", make<ProfileSearchHandler>());
    add("GET", "/api/v1/profiles/{id}", make<ProfileDetailHandler>());
    add("GET", "/api/v1/audiences", make<AudienceListHandler>());
    add("GET", "/api/v1/audiences/{slug}", make<AudienceDetailHandler>());
    add("GET", "/api/v1/exports", make<ExportListHandler>());
    add("GET", "/api/v1/exports/{job}", make<ExportDetailHandler>());
    add("GET", "/api/v1/exports/{job}/dead-letters", make<ExportDeadLetterListHandler>());
    add("POST", "/api/v1/exports/{job}/replay", make<ExportReplayHandler>());
}

void ApiRouter::add(std::string method, std::string pattern, Creator create) {
    _routes.push_back(Route{std::move(method), std::move(pattern), std::move(create)});
}

std::vector<std::string> ApiRouter::describe() const {
    std::vector<std::string> out;
    for (const auto& r : _routes) out.push_back(r.method + " " + r.pattern);
    return out;
}

bool ApiRouter::match(const std::string& pattern, const std::string& path, RouteParams& params) {
    std::vector<std::string> want = segments(pattern);
    std::vector<std::string> have = segments(path);
    if (want.size() != have.size()) return false;
    RouteParams found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const std::string& w = want[i];
        if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
            if (have[i].empty()) return false;
            std::string decoded;
            Poco::URI::decode(have[i], decoded);
            found[w.substr(1, w.size() - 2)] = decoded;
        } else if (w != have[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

Poco::Net::HTTPRequestHandler* ApiRouter::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
    std::string path;
    try {
        path = Poco::URI(request.getURI()).getPath();
    } catch (const Poco::SyntaxException&) {
        return new NotFoundHandler(_services, {}, false);
    }
    if (path.size() > 1 && path.back() == '/') path.pop_back();
    const std::string& method = request.getMethod();
    std::string allow;
    for (const auto& route : _routes) {
        RouteParams params;
        if (!match(route.pattern, path, params)) continue;
        if (route.method == method || (method == "HEAD" && route.method == "GET")) return route.create(_services, std::move(params));
        allow += (allow.empty() ? "" : ", ") + route.method;
    }
    if (!allow.empty()) return new MethodNotAllowedHandler(_services, RouteParams{{"allow", allow}});
    bool api = path == "/api" || path.rfind("/api/", 0) == 0;
    if (!api && (method == "GET" || method == "HEAD")) return new StaticFileHandler(_services, {});
    return new NotFoundHandler(_services, {}, api);
}

} // namespace jobhost::host
