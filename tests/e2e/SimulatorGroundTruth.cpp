// SimulatorGroundTruth.cpp — what an in-process PostUp simulator holds, read back for the e2e tests.
// SPDX-License-Identifier: Apache-2.0
#include "SimulatorGroundTruth.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <stdexcept>

namespace jobhost::tests::e2e {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

/// GETs `path` from the simulator and parses the JSON body; 200 or throw.
Poco::Dynamic::Var getJson(const sim::SimulatorServer& server, const std::string& path, const std::string& user,
                           const std::string& password) {
    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!user.empty()) Poco::Net::HTTPBasicCredentials(user, password).authenticate(request);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string body;
    Poco::StreamCopier::copyToString(in, body);
    if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
        throw std::runtime_error("simulator GET " + path + " -> HTTP " + std::to_string(response.getStatus()) + ": " + body);
    Poco::JSON::Parser parser;
    return parser.parse(body);
}

/// The text of a member, "" when absent or null; numbers in decimal.
std::string text(const Object::Ptr& o, const std::string& key) {
    if (!o->has(key) || o->isNull(key)) return {};
    return o->get(key).convert<std::string>();
}

} // namespace

SimulatorGroundTruth::SimulatorGroundTruth(const sim::SimulatorServer& server, const std::string& user,
                                           const std::string& password) {
    auto lists = getJson(server, "/api/list", user, password).extract<Array::Ptr>();
    for (std::size_t i = 0; i < lists->size(); ++i) {
        auto o = lists->getObject(static_cast<unsigned>(i));
        List list{o->getValue<std::int64_t>("listId"), text(o, "title"), text(o, "categoryId")};
        _lists.emplace(list.id, list);
    }
    for (const auto& [listId, list] : _lists) {
        auto members = getJson(server, "/_sim/lists/" + std::to_string(listId) + "/members?status=ALL", "", "")
                           .extract<Array::Ptr>();
        for (std::size_t i = 0; i < members->size(); ++i) {
            auto m = members->getObject(static_cast<unsigned>(i));
            Recipient& r = _recipients[m->getValue<std::int64_t>("recipientId")];
            r.id = m->getValue<std::int64_t>("recipientId");
            r.lists.insert(listId);
            r.listStatuses.insert(text(m, "listStatus"));
        }
    }
    for (auto& [id, r] : _recipients) {
        auto o = getJson(server, "/api/recipient/" + std::to_string(id), user, password).extract<Object::Ptr>();
        r.address = text(o, "address");
        r.externalId = text(o, "externalId");
        r.channel = text(o, "channel");
        r.status = text(o, "status");
        r.comment = text(o, "comment");
        r.carrier = text(o, "carrier");
        r.dateJoined = text(o, "dateJoined");
        r.sourceSignupDate = text(o, "sourceSignupDate");
        r.dateUnsub = text(o, "dateUnsub");
    }
    auto mailings = getJson(server, "/_sim/mailings", "", "").extract<Array::Ptr>();
    for (std::size_t i = 0; i < mailings->size(); ++i) {
        auto o = mailings->getObject(static_cast<unsigned>(i));
        Mailing m;
        m.id = o->getValue<std::int64_t>("mailingId");
        m.campaignId = o->getValue<std::int64_t>("campaignId");
        m.status = text(o, "status");
        if (o->has("scheduledEpoch")) m.scheduledEpoch = o->getValue<std::int64_t>("scheduledEpoch");
        _mailings.push_back(m);
    }
    for (const auto& m : _mailings) {
        if (!m.scheduledEpoch) continue;
        for (const char* type : {"OPEN", "CLICK", "HARD", "SOFT"})
            for (auto& row : server.expectedActivity(m.id, type)) _activity.push_back({m.id, m.campaignId, type, std::move(row)});
    }
}

} // namespace jobhost::tests::e2e
