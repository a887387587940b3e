// jobhost host — StaticFileHandler.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/StaticFileHandler.h"

#include <fstream>
#include <sstream>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "console/ApiException.h"
#include "console/JsonResponse.h"

namespace jobhost::host {

std::string StaticFileHandler::contentType(const std::string& path) {
    std::string extension = Poco::toLower(Poco::Path(path).getExtension());
    if (extension == "html") return "text/html; charset=utf-8";
    if (extension == "js" || extension == "mjs") return "text/javascript; charset=utf-8";
    if (extension == "css") return "text/css; charset=utf-8";
    if (extension == "json") return "application/json; charset=utf-8";
    if (extension == "svg") return "image/svg+xml";
    if (extension == "png") return "image/png";
    if (extension == "ico") return "image/x-icon";
    if (extension == "txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

void StaticFileHandler::handle(ApiRequest& request, Poco::Net::HTTPServerResponse& response) {
    if (_services.webRoot.empty()) throw ApiException(404, "this console runs without its web UI (no web root)");
    std::string path = Poco::URI(request.raw().getURI()).getPath();
    if (path.empty() || path == "/") path = "/index.html";
    if (path.find("..") != std::string::npos || path.find("/.") != std::string::npos || path.find('\\') != std::string::npos ||
        path.find('\0') != std::string::npos)
        throw ApiException(404, "no such file");
    Poco::Path file(Poco::Path(_services.webRoot).makeDirectory(), Poco::Path(path.substr(1), Poco::Path::PATH_UNIX));
    Poco::File f(file);
    if (!f.exists() || !f.isFile()) throw ApiException(404, "no such file: " + path);
    std::ifstream in(file.toString(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", "no-referrer");
    JsonResponse::sendText(response, 200, contentType(file.toString()), content.str());
}

} // namespace jobhost::host
