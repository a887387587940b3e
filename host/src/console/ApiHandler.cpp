// jobhost host — ApiHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ApiHandler.h"

#include <cctype>

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/String.h>

#include "console/ApiException.h"
#include "console/ConsoleToken.h"
#include "console/JsonResponse.h"

namespace jobhost::host {

ApiHandler::ApiHandler(const ConsoleServices& services, RouteParams params, bool requiresToken)
    : _services(services), _params(std::move(params)), _requiresToken(requiresToken) {}

std::string ApiHandler::bearerToken(const Poco::Net::HTTPServerRequest& request) {
    std::string header = request.get("Authorization", "");
    if (header.size() < 7 || Poco::icompare(header.substr(0, 7), "Bearer ") != 0) return {};
    return Poco::trim(header.substr(7));
}

std::string ApiHandler::fieldOf(const std::string& message) {
    std::string firstLine = message.substr(0, message.find('\n'));
    auto colon = firstLine.find(": ");
    if (colon == std::string::npos) return {};
    std::string field = firstLine.substr(0, colon);
    for (char c : field)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '[' || c == ']')) return {};
    return field;
}

const Store& ApiHandler::store() const {
    if (!_services.pStore) throw ApiException(503, "the console runs without a store; start it with 'jobhost serve'");
    return *_services.pStore;
}

void ApiHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    dispatch(request, response);
    // A handler that ignores the body (or an early 401/404) leaves it unread;
    // on a keep-alive connection it would be parsed as the next request.
    try {
        std::istream& in = request.stream();
        char buffer[4096];
        std::size_t drained = 0;
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            drained += static_cast<std::size_t>(in.gcount());
            if (drained > (1u << 20)) break;
        }
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("jobhost.console").debug("request body not drained: %s", e.displayText());
    }
}

void ApiHandler::dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    try {
        if (_requiresToken && _services.authRequired) {
            std::string token = bearerToken(request);
            if (token.empty() || !_services.pToken || !_services.pToken->verify(token)) {
                response.set("WWW-Authenticate", "Bearer realm=\"jobhost\"");
                JsonResponse::sendError(response, 401,
                                        token.empty() ? "authentication required: send 'Authorization: Bearer <token>'"
                                                      : "invalid token; 'jobhost token' prints a new one");
                return;
            }
        }
        ApiRequest apiRequest(request, _params);
        handle(apiRequest, response);
    } catch (const ApiException& e) {
        if (!response.sent()) JsonResponse::sendError(response, e.status(), e.message(), e.field());
    } catch (const NotFoundException& e) {
        if (!response.sent()) JsonResponse::sendError(response, 404, e.message());
    } catch (const ConfigException& e) {
        if (!response.sent()) {
            std::string message = e.message();
            std::string field = fieldOf(message);
            JsonResponse::sendError(response, 400, message, field);
        }
    } catch (const Poco::Exception& e) {
        Poco::Logger::get("jobhost.console").error("%s %s: %s", request.getMethod(), request.getURI(), e.displayText());
        if (!response.sent()) JsonResponse::sendError(response, 500, "internal error; see the host log");
    } catch (const std::exception& e) {
        Poco::Logger::get("jobhost.console").error("%s %s: %s", request.getMethod(), request.getURI(), std::string(e.what()));
        if (!response.sent()) JsonResponse::sendError(response, 500, "internal error; see the host log");
    }
}

} // namespace jobhost::host
