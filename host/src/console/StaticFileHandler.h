// jobhost host — StaticFileHandler.h
// Serves the web UI's files from the web root (no token: the UI asks for it).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "console/ApiHandler.h"

namespace jobhost::host {

/// GET/HEAD of any non-API path: "/" is index.html; other paths map to
/// files below ConsoleServices::webRoot. Refuses paths with "..", hidden
/// segments or backslashes (404), and anything outside the root. Sends a
/// strict Content-Security-Policy (scripts and styles from 'self' only).
class StaticFileHandler : public ApiHandler {
public:
    StaticFileHandler(const ConsoleServices& services, RouteParams params) : ApiHandler(services, std::move(params), false) {}

    /// Content type by file extension; application/octet-stream when unknown.
    static std::string contentType(const std::string& path);

protected:
    void handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) override;
};

} // namespace jobhost::host
