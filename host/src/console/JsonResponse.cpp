// jobhost host — JsonResponse.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/JsonResponse.h"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

namespace jobhost::host {

void JsonResponse::send(Poco::Net::HTTPServerResponse& response, int status, const Poco::Dynamic::Var& body) {
    std::ostringstream text;
    Poco::JSON::Stringifier::condense(body, text);
    sendText(response, status, "application/json; charset=utf-8", text.str());
}

void JsonResponse::sendError(Poco::Net::HTTPServerResponse& response, int status, const std::string& message,
                             const std::string& field) {
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
    error->set("message", message);
    if (field.empty()) error->set("field", Poco::Dynamic::Var());
    else error->set("field", field);
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("error", error);
    send(response, status, body);
}

void JsonResponse::sendText(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType,
                            const std::string& text) {
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setContentType(contentType);
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.setContentLength(static_cast<std::streamsize>(text.size()));
    response.send() << text;
}

} // namespace jobhost::host
