// jobhost postup tests — ScriptedServer.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ScriptedServer.h"

#include <sstream>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>

namespace jobhost::plugins::postup::test {
namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(ScriptedServer& server) : _server(server) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        ScriptedServer::Seen seen;
        seen.method = request.getMethod();
        seen.uri = request.getURI();
        seen.authorization = request.get("Authorization", "");
        std::ostringstream body;
        Poco::StreamCopier::copyStream(request.stream(), body);
        seen.body = body.str();
        const auto reply = _server.next(std::move(seen));
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
        response.setContentType(reply.contentType);
        for (const auto& [name, value] : reply.headers) response.set(name, value);
        response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
        response.send() << reply.body;
    }

private:
    ScriptedServer& _server;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(ScriptedServer& server) : _server(server) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(_server);
    }

private:
    ScriptedServer& _server;
};

} // namespace

ScriptedServer::ScriptedServer() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    _port = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(4);
    params->setKeepAlive(true);
    _pThreads = std::make_unique<Poco::ThreadPool>(1, 5, 60);
    _pServer = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), *_pThreads, socket, params);
    _pServer->start();
}

ScriptedServer::~ScriptedServer() {
    _pServer->stopAll(true);
    _pThreads->joinAll(); // no handler still uses this server's script
}

void ScriptedServer::push(Reply reply) {
    std::lock_guard<std::mutex> lock(_mutex);
    _script.push_back(std::move(reply));
}

void ScriptedServer::push(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers) {
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    if (!reply.body.empty() && reply.body[0] != '{' && reply.body[0] != '[') reply.contentType = "text/plain";
    reply.headers = std::move(headers);
    push(std::move(reply));
}

std::string ScriptedServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(_port); }

std::vector<ScriptedServer::Seen> ScriptedServer::seen() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _seen;
}

ScriptedServer::Reply ScriptedServer::next(Seen seen) {
    std::lock_guard<std::mutex> lock(_mutex);
    _seen.push_back(std::move(seen));
    if (_script.empty()) return Reply{500, "script exhausted", "text/plain", {}};
    Reply reply = std::move(_script.front());
    _script.pop_front();
    return reply;
}

} // namespace jobhost::plugins::postup::test
