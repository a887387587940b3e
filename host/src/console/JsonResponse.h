// jobhost host — JsonResponse.h
// Writes JSON bodies and the console's error shape to an HTTP response.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace jobhost::host {

/// Stateless helpers; thread-safe. Every response carries
/// `Cache-Control: no-store` (API data may be sensitive).
class JsonResponse {
public:
    /// Sends `body` as compact JSON with `status`.
    static void send(Poco::Net::HTTPServerResponse& response, int status, const Poco::Dynamic::Var& body);
    /// Sends `{"error": {"message": message, "field": field-or-null}}`.
    static void sendError(Poco::Net::HTTPServerResponse& response, int status, const std::string& message,
                          const std::string& field = {});
    /// Sends plain text (e.g. Prometheus exposition) with a content type.
    static void sendText(Poco::Net::HTTPServerResponse& response, int status, const std::string& contentType,
                         const std::string& text);
};

} // namespace jobhost::host
