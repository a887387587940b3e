// jobhost host — OpenApiDocument.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/OpenApiDocument.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace jobhost::host {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr ref(const std::string& name) {
    Object::Ptr r = object();
    r->set("$ref", "#/components/" + name);
    return r;
}

/// "{name}" segments of a pattern, in order.
std::vector<std::string> pathParameters(const std::string& pattern) {
    std::vector<std::string> names;
    std::size_t at = 0;
    while ((at = pattern.find('{', at)) != std::string::npos) {
        std::size_t end = pattern.find('}', at);
        if (end == std::string::npos) break;
        names.push_back(pattern.substr(at + 1, end - at - 1));
        at = end + 1;
    }
    return names;
}

/// "POST /api/v1/jobs/{name}/run" → "postJobsNameRun".
std::string operationId(const std::string& method, const std::string& pattern) {
    std::string id;
    for (char c : method) id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    std::string rest = pattern.rfind("/api/v1/", 0) == 0 ? pattern.substr(8) : pattern.substr(1);
    bool upper = true;
    for (char c : rest) {
        if (c == '/' || c == '{' || c == '}' || c == '-' || c == '.' || c == '_') {
            upper = true;
            continue;
        }
        id.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
        upper = false;
    }
    return id;
}

Object::Ptr parameter(const std::string& name, const std::string& in) {
    Object::Ptr p = object();
    p->set("name", name);
    p->set("in", in);
    p->set("required", in == "path");
    Object::Ptr schema = object();
    schema->set("type", name == "limit" ? "integer" : "string");
    p->set("schema", schema);
    return p;
}

Object::Ptr response(const std::string& description, const std::string& contentType, Object::Ptr schema) {
    Object::Ptr r = object();
    r->set("description", description);
    Object::Ptr media = object();
    media->set("schema", schema);
    Object::Ptr content = object();
    // "a, b": the route answers with either (by a query parameter).
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = contentType.find(',', start);
        std::string type = contentType.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        type.erase(0, type.find_first_not_of(' '));
        content->set(type, media);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    r->set("content", content);
    return r;
}

Object::Ptr components() {
    Object::Ptr error = object();
    error->set("type", "object");
    Array::Ptr required = new Array;
    required->add("error");
    error->set("required", required);
    Object::Ptr inner = object();
    inner->set("type", "object");
    Object::Ptr props = object();
    Object::Ptr message = object();
    message->set("type", "string");
    Object::Ptr field = object();
    Array::Ptr fieldTypes = new Array;
    fieldTypes->add("string");
    fieldTypes->add("null");
    field->set("type", fieldTypes);
    field->set("description", "the form field the error is about, null when none");
    props->set("message", message);
    props->set("field", field);
    inner->set("properties", props);
    Object::Ptr errorProps = object();
    errorProps->set("error", inner);
    error->set("properties", errorProps);

    Object::Ptr schemas = object();
    schemas->set("Error", error);
    Object::Ptr any = object();
    any->set("type", "object");
    any->set("description", "a JSON object; see the handler's documentation in the README");
    schemas->set("Object", any);

    Object::Ptr bearer = object();
    bearer->set("type", "http");
    bearer->set("scheme", "bearer");
    bearer->set("description", "the console token ('jobhost token' prints a new one)");
    Object::Ptr schemes = object();
    schemes->set("bearerToken", bearer);

    Object::Ptr responses = object();
    for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
             {"BadRequest", "invalid input (the error names the field)"},
             {"Unauthorized", "no or a wrong bearer token"},
             {"NotFound", "no such object"},
             {"Conflict", "the object is busy or exists"},
             {"Unavailable", "the console runs without a store"}}) {
        Object::Ptr schemaRef = ref("schemas/Error");
        responses->set(name, response(text, "application/json", schemaRef));
    }

    Object::Ptr all = object();
    all->set("schemas", schemas);
    all->set("responses", responses);
    all->set("securitySchemes", schemes);
    return all;
}

} // namespace

std::string OpenApiDocument::build(const std::vector<RouteEntry>& routes, const std::string& version) {
    Object::Ptr doc = object();
    doc->set("openapi", "3.1.0");
    Object::Ptr info = object();
    info->set("title", "jobhost console API");
    info->set("version", version);
    info->set("description", "REST API of the jobhost admin console (jobhost serve). Every route but /healthz and "
                             "/api/v1/openapi.json needs 'Authorization: Bearer <token>'.");
    Object::Ptr license = object();
    license->set("name", "Apache-2.0");
    license->set("identifier", "Apache-2.0");
    info->set("license", license);
    doc->set("info", info);
    Array::Ptr servers = new Array;
    Object::Ptr server = object();
    server->set("url", "/");
    servers->add(server);
    doc->set("servers", servers);
    Array::Ptr security = new Array;
    Object::Ptr bearer = object();
    bearer->set("bearerToken", Array::Ptr(new Array));
    security->add(bearer);
    doc->set("security", security);

    // Paths in first-registration order; methods per path in table order.
    std::vector<std::string> order;
    std::map<std::string, Object::Ptr> items;
    std::vector<std::string> tags;
    for (const auto& route : routes) {
        Object::Ptr& item = items[route.pattern];
        if (!item) {
            item = object();
            order.push_back(route.pattern);
        }
        const RouteDescription& d = route.description;
        Object::Ptr op = object();
        op->set("operationId", operationId(route.method, route.pattern));
        Array::Ptr opTags = new Array;
        opTags->add(d.tag);
        op->set("tags", opTags);
        if (std::find(tags.begin(), tags.end(), d.tag) == tags.end()) tags.push_back(d.tag);
        op->set("summary", d.summary);
        Array::Ptr params = new Array;
        for (const auto& name : pathParameters(route.pattern)) params->add(parameter(name, "path"));
        for (const auto& name : d.query) params->add(parameter(name, "query"));
        if (params->size() > 0) op->set("parameters", params);
        if (d.jsonBody) {
            Object::Ptr body = object();
            body->set("required", true);
            Object::Ptr media = object();
            media->set("schema", ref("schemas/Object"));
            Object::Ptr content = object();
            content->set("application/json", media);
            body->set("content", content);
            op->set("requestBody", body);
        }
        Object::Ptr responses = object();
        Object::Ptr successSchema = object();
        if (d.contentType == "application/json") successSchema = ref("schemas/Object");
        else successSchema->set("type", "string");
        responses->set(std::to_string(d.success), response("success", d.contentType, successSchema));
        if (d.jsonBody || !d.query.empty()) responses->set("400", ref("responses/BadRequest"));
        if (d.requiresToken) responses->set("401", ref("responses/Unauthorized"));
        if (!pathParameters(route.pattern).empty()) responses->set("404", ref("responses/NotFound"));
        if (route.method != "GET") responses->set("409", ref("responses/Conflict"));
        if (d.requiresToken) responses->set("503", ref("responses/Unavailable"));
        op->set("responses", responses);
        if (!d.requiresToken) op->set("security", Array::Ptr(new Array));
        std::string method;
        for (char c : route.method) method.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        item->set(method, op);
    }
    Object::Ptr paths = object();
    for (const auto& pattern : order) paths->set(pattern, items[pattern]);
    doc->set("paths", paths);
    doc->set("components", components());
    Array::Ptr tagList = new Array;
    for (const auto& tag : tags) {
        Object::Ptr t = object();
        t->set("name", tag);
        tagList->add(t);
    }
    doc->set("tags", tagList);
    std::ostringstream out;
    doc->stringify(out, 2);
    return out.str();
}

} // namespace jobhost::host
