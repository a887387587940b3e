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
#include "console/OpenApiHandler.h"
#include "console/ProfileDetailHandler.h"
#include "console/ProfileExportHandler.h"
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
    // Filled once the table is complete (it describes itself too).
    auto document = std::make_shared<std::string>();
    add("GET", "/healthz", RouteDescription("health", "liveness and store reachability (503 when the store fails)").withoutToken(),
        make<HealthHandler>());
    add("GET", "/metrics",
        RouteDescription("metrics", "Prometheus metrics (no token with serve --metrics-public)").withContentType("text/plain; version=0.0.4"),
        make<MetricsHandler>());
    add("GET", "/api/v1/openapi.json", RouteDescription("meta", "this OpenAPI 3.1 document").withoutToken(),
        [document](const ConsoleServices& s, RouteParams params) -> Poco::Net::HTTPRequestHandler* {
            return new OpenApiHandler(s, std::move(params), document);
        });
    add("GET", "/api/v1/providers", RouteDescription("providers", "providers with their manifests and plugin load state"), make<ProviderListHandler>());
    add("GET", "/api/v1/providers/{provider}", RouteDescription("providers", "one provider: auth methods, job types and their config schemas"),
        make<ProviderDetailHandler>());
    add("GET", "/api/v1/authorizations", RouteDescription("authorizations", "authorizations (secrets never included)"), make<AuthorizationListHandler>());
    add("POST", "/api/v1/authorizations", RouteDescription("authorizations", "create an authorization").withSuccess(201).withJsonBody(), make<AuthorizationCreateHandler>());
    add("PUT", "/api/v1/authorizations/{name}", RouteDescription("authorizations", "update an authorization (omitted secrets are kept)").withJsonBody(),
        make<AuthorizationUpdateHandler>());
    add("POST", "/api/v1/authorizations/{name}/test", RouteDescription("authorizations", "verify an authorization's credentials against the remote"),
        make<AuthorizationTestHandler>());
    add("GET", "/api/v1/jobs", RouteDescription("jobs", "jobs with schedule, pause state and last run"), make<JobListHandler>());
    add("POST", "/api/v1/jobs", RouteDescription("jobs", "create a job").withSuccess(201).withJsonBody(), make<JobCreateHandler>());
    add("GET", "/api/v1/jobs/{name}", RouteDescription("jobs", "one job"), make<JobDetailHandler>());
    add("PUT", "/api/v1/jobs/{name}", RouteDescription("jobs", "update a job").withJsonBody(), make<JobUpdateHandler>());
    add("POST", "/api/v1/jobs/{name}/run", RouteDescription("jobs", "queue a run now").withSuccess(202), make<JobRunHandler>());
    add("POST", "/api/v1/jobs/{name}/pause", RouteDescription("jobs", "pause the job's schedule"), make<JobPauseHandler>());
    add("POST", "/api/v1/jobs/{name}/resume", RouteDescription("jobs", "resume the job's schedule"), make<JobResumeHandler>());
    add("GET", "/api/v1/runs", RouteDescription("runs", "run history, newest first").withQuery({"job", "limit"}), make<RunListHandler>());
    add("GET", "/api/v1/runs/{id}", RouteDescription("runs", "one run: counters, progress, log excerpt"), make<RunDetailHandler>());
    add("GET", "/api/v1/audit", RouteDescription("audit", "console audit log, newest first").withQuery({"limit"}), make<AuditListHandler>());
    add("GET", "/api/v1/profiles",
        RouteDescription("profiles", "a page of profiles in id order (cursor: next), or find one by email, id or identity key")
            .withQuery({"limit", "after", "audience", "email", "id", "key"}),
        make<ProfileSearchHandler>());
    // Before /profiles/{id}, which would otherwise take "export" for an id.
    add("GET", "/api/v1/profiles/export",
        RouteDescription("profiles", "every profile streamed as JSON Lines (format=jsonl) or CSV (format=csv)")
            .withQuery({"format", "audience", "fields"})
            .withContentType("application/x-ndjson, text/csv"),
        make<ProfileExportHandler>());
    add("GET", "/api/v1/profiles/{id}", RouteDescription("profiles", "one profile"), make<ProfileDetailHandler>());
    add("GET", "/api/v1/audiences", RouteDescription("audiences", "audiences with member counts"), make<AudienceListHandler>());
    add("GET", "/api/v1/audiences/{slug}", RouteDescription("audiences", "one audience with recent enters and exits").withQuery({"limit"}),
        make<AudienceDetailHandler>());
    add("GET", "/api/v1/exports", RouteDescription("exports", "export jobs with delivery state and counters"), make<ExportListHandler>());
    add("GET", "/api/v1/exports/{job}", RouteDescription("exports", "one export job"), make<ExportDetailHandler>());
    add("GET", "/api/v1/exports/{job}/dead-letters", RouteDescription("exports", "the export job's dead letters").withQuery({"limit"}),
        make<ExportDeadLetterListHandler>());
    add("POST", "/api/v1/exports/{job}/replay", RouteDescription("exports", "re-queue dead letters (one id or all)").withJsonBody(),
        make<ExportReplayHandler>());

    *document = OpenApiDocument::build(routes(), JOBHOST_VERSION);
    _pOpenApi = document;
}

void ApiRouter::add(std::string method, std::string pattern, RouteDescription description, Creator create) {
    _routes.push_back(Route{std::move(method), std::move(pattern), std::move(description), std::move(create)});
}

std::vector<RouteEntry> ApiRouter::routes() const {
    std::vector<RouteEntry> out;
    for (const auto& r : _routes) out.push_back(RouteEntry{r.method, r.pattern, r.description});
    return out;
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
            try {
                Poco::URI::decode(have[i], decoded);
            } catch (const Poco::SyntaxException&) {
                return false; // a malformed %-escape names nothing
            }
            found[w.substr(1, w.size() - 2)] = decoded;
        } else if (w != have[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

Poco::Net::HTTPRequestHandler* ApiRouter::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
    // Routes match the still-encoded path: match() decodes each parameter
    // once, so "%2F" stays inside its segment and "100%25" names "100%".
    // (Poco::URI::getPath() would decode first and again in match().)
    std::string path;
    const std::string& target = request.getURI();
    if (!target.empty() && target.front() == '/') {
        path = target.substr(0, target.find_first_of("?#"));
    } else {
        try {
            const std::string etc = Poco::URI(target).getPathEtc(); // absolute-form: re-encoded path
            path = etc.substr(0, etc.find_first_of("?#"));
        } catch (const Poco::SyntaxException&) {
            return new NotFoundHandler(_services, {}, false);
        }
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
