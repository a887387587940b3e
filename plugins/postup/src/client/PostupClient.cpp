// jobhost postup plugin — PostupClient.cpp
// SPDX-License-Identifier: Apache-2.0
#include "client/PostupClient.h"

#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include "client/JsonFields.h"

namespace jobhost::plugins::postup {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string encode(const std::string& value) {
    std::string out;
    Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]% ", out);
    return out;
}

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

std::optional<Poco::Dynamic::Var> tryParse(const std::string& body) {
    if (body.empty()) return std::nullopt;
    try {
        Poco::JSON::Parser parser;
        return parser.parse(body);
    } catch (const Poco::Exception&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

Object::Ptr asObject(const Poco::Dynamic::Var& value) {
    if (value.type() == typeid(Object::Ptr)) return value.extract<Object::Ptr>();
    return {};
}

Array::Ptr asArray(const Poco::Dynamic::Var& value) {
    if (value.type() == typeid(Array::Ptr)) return value.extract<Array::Ptr>();
    return {};
}

[[noreturn]] void badShape(const std::string& what) {
    throw PostupException(ApiErrorKind::BadResponse, 200, "unexpected response shape: " + what);
}

Object::Ptr requireObject(const Poco::Dynamic::Var& value, const std::string& what) {
    auto object = asObject(value);
    if (!object) badShape(what + " is not a JSON object");
    return object;
}

/// Calls `each` for every object element of a JSON array response.
template <typename Each>
void forEachObject(const Poco::Dynamic::Var& value, const std::string& what, Each each) {
    auto array = asArray(value);
    if (!array) badShape(what + " is not a JSON array");
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto object = array->getObject(static_cast<unsigned>(i));
        if (!object) badShape(what + " element " + std::to_string(i) + " is not an object");
        each(*object);
    }
}

std::int64_t requireId(const Object& object, const std::string& key) {
    auto id = JsonFields::integer(object, key);
    if (!id) badShape("missing integer " + key);
    return *id;
}

ListInfo toList(const Object& o) {
    ListInfo l;
    l.listId = requireId(o, "listId");
    l.title = JsonFields::text(o, "title");
    l.categoryId = JsonFields::text(o, "categoryId");
    l.externalId = JsonFields::text(o, "externalId");
    l.channel = JsonFields::text(o, "channel");
    l.globalUnsub = JsonFields::boolean(o, "globalUnsub", false);
    return l;
}

Recipient toRecipient(const Object& o) {
    Recipient r;
    r.recipientId = requireId(o, "recipientId");
    r.address = JsonFields::text(o, "address");
    r.externalId = JsonFields::text(o, "externalId");
    r.channel = JsonFields::text(o, "channel");
    r.status = JsonFields::text(o, "status");
    r.comment = JsonFields::text(o, "comment");
    r.carrier = JsonFields::text(o, "carrier");
    r.dateJoined = JsonFields::text(o, "dateJoined");
    r.sourceSignupDate = JsonFields::text(o, "sourceSignupDate");
    r.dateUnsub = JsonFields::text(o, "dateUnsub");
    r.sourceDescription = JsonFields::text(o, "sourceDescription");
    if (auto demographics = o.getArray("demographics")) {
        for (std::size_t i = 0; i < demographics->size(); ++i) {
            const auto item = demographics->get(static_cast<unsigned>(i));
            if (!item.isString()) continue;
            const auto& pair = item.extract<std::string>();
            const auto eq = pair.find('=');
            if (eq == std::string::npos || eq == 0) continue; // no key: not a demographic pair
            r.demographics.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
        }
    }
    return r;
}

ImportStatus toImportStatus(const Object& o) {
    ImportStatus s;
    s.importId = requireId(o, "importId");
    s.importTemplateId = JsonFields::integer(o, "importTemplateId").value_or(0);
    s.status = JsonFields::text(o, "status");
    s.totalRecords = JsonFields::integer(o, "totalRecords").value_or(0);
    s.newRecords = JsonFields::integer(o, "newRecords").value_or(0);
    s.updatedRecords = JsonFields::integer(o, "updatedRecords").value_or(0);
    s.invalidRemoved = JsonFields::integer(o, "invalidRemoved").value_or(0);
    s.invalidFixed = JsonFields::integer(o, "invalidFixed").value_or(0);
    s.purged = JsonFields::integer(o, "purged").value_or(0);
    s.suppressed = JsonFields::integer(o, "suppressed").value_or(0);
    s.blockedDomain = JsonFields::integer(o, "blockedDomain").value_or(0);
    s.notFound = JsonFields::integer(o, "notFound").value_or(0);
    return s;
}

std::string stringify(const Object& object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(object, out);
    return out.str();
}

std::optional<std::int64_t> retryAfter(const sdk::HttpResponse& response) {
    const std::string value = response.header("Retry-After");
    int seconds = 0;
    if (!value.empty() && Poco::NumberParser::tryParse(value, seconds) && seconds >= 0)
        return static_cast<std::int64_t>(seconds) * 1000;
    return std::nullopt; // HTTP-date form: the transport already honoured it
}

/// The operation named by a 403 body: `operation`, else the text after the
/// last ": " of the message ("…perform this action: read campaigns").
std::string operationOf(const Object* body, const std::string& message) {
    if (body) {
        auto operation = JsonFields::text(*body, "operation");
        if (!operation.empty()) return operation;
    }
    const auto colon = message.rfind(": ");
    if (colon != std::string::npos) return message.substr(colon + 2);
    return {};
}

} // namespace

PostupClient::PostupClient(sdk::HttpTransport& transport, std::string apiBaseUrl, const std::string& username,
                           const std::string& password, std::int64_t timeoutMs)
    : _transport(transport), _apiBaseUrl(trimSlash(std::move(apiBaseUrl))),
      _authorization(basicAuth(username, password)), _timeoutMs(timeoutMs) {}

std::string PostupClient::basicAuth(const std::string& username, const std::string& password) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << username << ':' << password;
    encoder.close();
    return "Basic " + out.str();
}

std::optional<PostupException> PostupClient::classify(const sdk::HttpResponse& response) {
    if (response.status == 0) {
        return PostupException(ApiErrorKind::Transport, 0,
                               response.transportError.empty() ? "no response" : response.transportError);
    }
    const auto parsed = tryParse(response.body);
    Object::Ptr body = parsed ? asObject(*parsed) : Object::Ptr();
    std::string message = body ? JsonFields::text(*body, "message") : std::string();
    const std::string field = body ? JsonFields::text(*body, "field") : std::string();
    if (message.empty() && !body) {
        // Plain-text error (e.g. "Server error"): keep a short excerpt.
        message = response.body.substr(0, 200);
        while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
    }
    const int s = response.status;
    if (s >= 200 && s < 300) {
        if (body && JsonFields::text(*body, "status") == "error")
            return PostupException(ApiErrorKind::BadResponse, s, message.empty() ? "status \"error\"" : message, {},
                                   field);
        return std::nullopt;
    }
    if (s == 401) return PostupException(ApiErrorKind::BadCredentials, s, message.empty() ? "Unauthorized" : message);
    if (s == 403)
        return PostupException(ApiErrorKind::Forbidden, s, message, field == "siteID" ? "" : operationOf(body.get(), message),
                               field);
    if (s == 404) return PostupException(ApiErrorKind::NotFound, s, message, {}, field);
    if (s == 409) return PostupException(ApiErrorKind::Conflict, s, message, {}, field);
    if (s == 429) return PostupException(ApiErrorKind::Throttled, s, message, {}, field, retryAfter(response));
    if (s == 408) return PostupException(ApiErrorKind::Transport, s, message.empty() ? "request timeout" : message);
    if (s >= 500) return PostupException(ApiErrorKind::Server, s, message);
    return PostupException(ApiErrorKind::BadRequest, s, message, {}, field);
}

sdk::HttpResponse PostupClient::send(const std::string& method, const std::string& url, const std::string& body,
                                     sdk::BodySink* sink) const {
    sdk::HttpRequest request;
    request.method = method;
    request.url = url;
    request.headers.emplace_back("Authorization", _authorization);
    request.headers.emplace_back("Accept", sink ? "text/tab-separated-values, */*" : "application/json");
    if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    request.body = body;
    request.timeoutMs = _timeoutMs;
    sdk::HttpResponse response = _transport.send(request, sink);
    if (auto error = classify(response)) throw *error;
    return response;
}

Poco::Dynamic::Var PostupClient::getJson(const std::string& pathAndQuery) const {
    const auto response = send("GET", _apiBaseUrl + pathAndQuery, {});
    auto parsed = tryParse(response.body);
    if (!parsed) throw PostupException(ApiErrorKind::BadResponse, response.status, "body of GET " + pathAndQuery + " is not JSON");
    return *parsed;
}

Poco::Dynamic::Var PostupClient::sendJson(const std::string& method, const std::string& path, const std::string& body) const {
    const auto response = send(method, _apiBaseUrl + path, body);
    auto parsed = tryParse(response.body);
    if (!parsed) throw PostupException(ApiErrorKind::BadResponse, response.status, "body of " + method + " " + path + " is not JSON");
    return *parsed;
}

SiteInfo PostupClient::site() const {
    auto o = requireObject(getJson("/site"), "site");
    return {JsonFields::text(*o, "siteId"), JsonFields::text(*o, "title"), JsonFields::text(*o, "status"),
            JsonFields::text(*o, "version")};
}

std::vector<ListInfo> PostupClient::lists() const {
    std::vector<ListInfo> out;
    forEachObject(getJson("/list"), "list", [&](const Object& o) { out.push_back(toList(o)); });
    return out;
}

std::vector<Subscription> PostupClient::listSubscriptions(std::int64_t listId, int limit, std::int64_t lastRecipientId) const {
    const std::string id = std::to_string(listId);
    const auto value = getJson("/listsubscription?listid=" + id + "&limit=" + std::to_string(limit) +
                               "&lastrecipid=" + std::to_string(lastRecipientId) + "&lastlistid=" + id);
    std::vector<Subscription> out;
    forEachObject(value, "listsubscription", [&](const Object& o) {
        Subscription s;
        s.recipientId = requireId(o, "recipientId");
        s.listId = JsonFields::integer(o, "listId").value_or(listId);
        s.status = JsonFields::text(o, "status");
        s.listStatus = JsonFields::text(o, "listStatus");
        s.globalStatus = JsonFields::text(o, "globalStatus");
        s.dateJoined = JsonFields::text(o, "dateJoined");
        s.dateUnsub = JsonFields::text(o, "dateUnsub");
        s.hasAddress = JsonFields::has(o, "address");
        s.address = JsonFields::text(o, "address");
        s.externalId = JsonFields::text(o, "externalId");
        // The recipient's own fields, nested (what postup-sim serves with
        // subscriptionRecipients) or flat beside the subscription's.
        if (auto nested = o.getObject("recipient")) s.details = toRecipient(*nested);
        else if (JsonFields::has(o, "channel")) s.details = toRecipient(o);
        out.push_back(std::move(s));
    });
    return out;
}

Recipient PostupClient::recipient(std::int64_t recipientId) const {
    const auto value = getJson("/recipient/" + std::to_string(recipientId));
    // GO's history shows this endpoint once answered with a one-element array.
    if (auto array = asArray(value)) {
        if (array->size() == 0) throw PostupException(ApiErrorKind::NotFound, 200, "Recipient " + std::to_string(recipientId) + " not found");
        auto first = array->getObject(0);
        if (!first) badShape("recipient element is not an object");
        return toRecipient(*first);
    }
    return toRecipient(*requireObject(value, "recipient"));
}

std::optional<Recipient> PostupClient::recipientByAddress(const std::string& address) const {
    const auto value = getJson("/recipient?address=" + encode(address));
    if (auto object = asObject(value)) return toRecipient(*object);
    std::optional<Recipient> found;
    forEachObject(value, "recipient", [&](const Object& o) {
        if (!found) found = toRecipient(o);
    });
    return found;
}

std::vector<Campaign> PostupClient::campaigns() const {
    std::vector<Campaign> out;
    forEachObject(getJson("/campaign"), "campaign", [&](const Object& o) {
        out.push_back({requireId(o, "campaignId"), JsonFields::text(o, "title"), JsonFields::text(o, "externalId")});
    });
    return out;
}

std::vector<Mailing> PostupClient::mailings(std::int64_t campaignId) const {
    std::vector<Mailing> out;
    forEachObject(getJson("/mailing?campaignid=" + std::to_string(campaignId)), "mailing", [&](const Object& o) {
        Mailing m;
        m.mailingId = requireId(o, "mailingId");
        m.campaignId = JsonFields::integer(o, "campaignId").value_or(campaignId);
        m.title = JsonFields::text(o, "title");
        m.status = JsonFields::text(o, "status");
        m.scheduledTime = JsonFields::text(o, "scheduledTime");
        m.externalId = JsonFields::text(o, "externalId");
        out.push_back(std::move(m));
    });
    return out;
}

std::vector<CustomField> PostupClient::customFields() const {
    std::vector<CustomField> out;
    forEachObject(getJson("/customfield"), "customfield", [&](const Object& o) {
        out.push_back({requireId(o, "customFieldId"), JsonFields::text(o, "title"), JsonFields::boolean(o, "active", true),
                       JsonFields::text(o, "type")});
    });
    return out;
}

void PostupClient::downloadReport(const ReportRequest& r, sdk::BodySink& sink) const {
    const std::string url = trimSlash(r.reportBaseUrl) + "/" + encode(r.siteShortName) +
                            "/ExternalDownload.do?siteID=" + encode(r.siteId) +
                            "&mailingID=" + std::to_string(r.mailingId) + "&type=" + encode(r.type);
    send("GET", url, {}, &sink);
}

ListInfo PostupClient::createList(const std::string& title, const std::string& channel) const {
    Object body;
    body.set("title", title);
    body.set("populated", true);
    body.set("publicSignup", false);
    body.set("globalUnsub", false);
    body.set("channel", channel);
    body.set("countRecips", true);
    return toList(*requireObject(sendJson("POST", "/list", stringify(body)), "list"));
}

std::int64_t PostupClient::createImportTemplate(const ImportTemplateSpec& spec) const {
    Object body;
    body.set("title", spec.title);
    body.set("type", spec.type);
    body.set("delimiter", spec.delimiter);
    body.set("columnNames", spec.columnNames);
    body.set("channel", spec.channel);
    body.set("active", 1);
    body.set("confirmed", false);
    body.set("sourceDescription", spec.sourceDescription);
    body.set("signupMethod", spec.signupMethod);
    Array::Ptr lists = new Array;
    for (auto id : spec.listIds) lists->add(Poco::Int64(id));
    body.set("listIds", lists);
    auto o = requireObject(sendJson("POST", "/importtemplate", stringify(body)), "importtemplate");
    return requireId(*o, "importTemplateId");
}

ImportStatus PostupClient::startImport(std::int64_t importTemplateId, const std::vector<std::string>& rows) const {
    Object body;
    body.set("importTemplateId", Poco::Int64(importTemplateId));
    Array::Ptr data = new Array;
    for (const auto& row : rows) data->add(row);
    body.set("data", data);
    return toImportStatus(*requireObject(sendJson("POST", "/import", stringify(body)), "import"));
}

ImportStatus PostupClient::importStatus(std::int64_t importId) const {
    return toImportStatus(*requireObject(getJson("/import/" + std::to_string(importId)), "import"));
}

std::vector<ImportStatus> PostupClient::importsOfTemplate(std::int64_t importTemplateId) const {
    std::vector<ImportStatus> out;
    forEachObject(getJson("/import?importTemplateId=" + std::to_string(importTemplateId)), "import",
                  [&](const Object& o) { out.push_back(toImportStatus(o)); });
    return out;
}

void PostupClient::setSubscription(std::int64_t recipientId, std::int64_t listId, const std::string& status) const {
    Object body;
    body.set("recipientId", Poco::Int64(recipientId));
    body.set("listId", Poco::Int64(listId));
    body.set("status", status);
    requireObject(sendJson("POST", "/listsubscription", stringify(body)), "listsubscription");
}


std::optional<ListInfo> PostupClient::list(std::int64_t listId) const {
    try {
        return toList(*requireObject(getJson("/list/" + std::to_string(listId)), "list"));
    } catch (const PostupException& e) {
        if (e.kind() == ApiErrorKind::NotFound) return std::nullopt;
        throw;
    }
}

std::optional<ImportTemplateInfo> PostupClient::importTemplate(std::int64_t importTemplateId) const {
    Object::Ptr o;
    try {
        o = requireObject(getJson("/importtemplate/" + std::to_string(importTemplateId)), "importtemplate");
    } catch (const PostupException& e) {
        if (e.kind() == ApiErrorKind::NotFound) return std::nullopt;
        throw;
    }
    ImportTemplateInfo t;
    t.importTemplateId = requireId(*o, "importTemplateId");
    t.title = JsonFields::text(*o, "title");
    t.type = JsonFields::text(*o, "type");
    t.columnNames = JsonFields::text(*o, "columnNames");
    t.active = JsonFields::boolean(*o, "active", true);
    if (auto ids = o->getArray("listIds")) {
        for (std::size_t i = 0; i < ids->size(); ++i) {
            const auto item = ids->get(static_cast<unsigned>(i));
            try {
                t.listIds.push_back(item.convert<Poco::Int64>());
            } catch (const Poco::Exception&) {
                badShape("importtemplate listIds holds a non-integer");
            }
        }
    }
    return t;
}

std::optional<Subscription> PostupClient::subscription(std::int64_t listId, std::int64_t recipientId) const {
    Object::Ptr o;
    try {
        o = requireObject(getJson("/listsubscription/" + std::to_string(listId) + "/" + std::to_string(recipientId)),
                          "listsubscription");
    } catch (const PostupException& e) {
        if (e.kind() == ApiErrorKind::NotFound) return std::nullopt;
        throw;
    }
    Subscription s;
    s.recipientId = JsonFields::integer(*o, "recipientId").value_or(recipientId);
    s.listId = JsonFields::integer(*o, "listId").value_or(listId);
    s.status = JsonFields::text(*o, "status");
    s.listStatus = JsonFields::text(*o, "listStatus");
    s.globalStatus = JsonFields::text(*o, "globalStatus");
    s.dateJoined = JsonFields::text(*o, "dateJoined");
    s.dateUnsub = JsonFields::text(*o, "dateUnsub");
    s.hasAddress = JsonFields::has(*o, "address");
    s.address = JsonFields::text(*o, "address");
    s.externalId = JsonFields::text(*o, "externalId");
    return s;
}

} // namespace jobhost::plugins::postup
