// ConsoleRequestFuzzer.cpp — libFuzzer target: what the console parses from a request before a handler runs.
// Input: "METHOD TARGET\nBODY". The target is matched against every route
// pattern of the real route table (path parameters URL-decoded) and its
// query decoded; the body is read as the JSON object a POST/PATCH carries.
// Contract: each either succeeds or throws ApiException (a 4xx answer);
// anything else escaping is a bug.
// SPDX-License-Identifier: Apache-2.0
#include "FuzzInput.h"

#include "console/ApiException.h"
#include "console/ApiRequest.h"
#include "console/ApiRouter.h"
#include "console/OpenApiDocument.h"
#include "console/ConsoleServices.h"

namespace {

const std::vector<jobhost::host::RouteEntry>& routes() {
    static jobhost::host::ConsoleServices services;
    static jobhost::host::ApiRouter router(services);
    static std::vector<jobhost::host::RouteEntry> table = router.routes();
    return table;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using jobhost::host::ApiException;
    using jobhost::host::ApiRequest;
    auto [line, body] = jobhost::fuzz::FuzzInput(data, size).splitAtNewline();
    const auto space = line.find(' ');
    const std::string target = space == std::string::npos ? line : line.substr(space + 1);
    const std::string path = target.substr(0, target.find('?'));
    for (const auto& route : routes()) {
        jobhost::host::RouteParams params;
        (void)jobhost::host::ApiRouter::match(route.pattern, path, params);
    }
    try {
        (void)ApiRequest::parseQuery(target);
    } catch (const ApiException&) {
    }
    try {
        (void)ApiRequest::parseJsonBody(body);
    } catch (const ApiException&) {
    }
    return 0;
}
