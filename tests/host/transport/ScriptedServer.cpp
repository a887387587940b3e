// tests/host/transport — ScriptedServer.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ScriptedServer.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

namespace jobhost::tests {

struct ScriptedServer::State {
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    int active = 0;
    std::deque<Step> steps;
    Step fallback = ScriptedServer::respond(200, "fallback");
    std::vector<Recorded> recorded;
};

namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<ScriptedServer::State> state) : _pState(std::move(state)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        ScriptedServer::Recorded rec;
        rec.method = request.getMethod();
        rec.uri = request.getURI();
        rec.clientAddress = request.clientAddress().toString();
        for (const auto& [name, value] : request) rec.headers.emplace_back(name, value);
        std::ostringstream body;
        Poco::StreamCopier::copyStream(request.stream(), body);
        rec.body = body.str();

        ScriptedServer::Step step;
        {
            std::unique_lock<std::mutex> lock(_pState->mutex);
            _pState->recorded.push_back(std::move(rec));
            if (_pState->steps.empty()) {
                step = _pState->fallback;
            } else {
                step = _pState->steps.front();
                _pState->steps.pop_front();
            }
            ++_pState->active;
            if (step.delayMs > 0)
                _pState->wake.wait_for(lock, std::chrono::milliseconds(step.delayMs), [&] { return _pState->stopping; });
        }
        try {
            play(step, request, response);
        } catch (...) {
            // the client may have gone away (timeouts); nothing to do
        }
        std::lock_guard<std::mutex> lock(_pState->mutex);
        --_pState->active;
        _pState->wake.notify_all();
    }

private:
    static void hangUp(Poco::Net::HTTPServerRequest& request) {
        auto& impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(request);
        Poco::Net::StreamSocket socket = impl.detachSocket();
        socket.shutdown();
        socket.close();
    }

    static void play(const ScriptedServer::Step& step, Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) {
        using Action = ScriptedServer::Step::Action;
        if (step.action == Action::Close) {
            hangUp(request);
            return;
        }
        response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(step.status));
        for (const auto& [name, value] : step.headers) response.set(name, value);
        if (step.action == Action::Truncate) {
            response.setContentLength64(static_cast<Poco::Int64>(step.declaredLength));
            std::ostream& out = response.send();
            out << step.body;
            out.flush();
            hangUp(request);
            return;
        }
        response.setContentLength64(static_cast<Poco::Int64>(step.body.size()));
        std::ostream& out = response.send();
        out << step.body;
        out.flush();
        if (step.action == Action::RespondThenClose) hangUp(request);
    }

    std::shared_ptr<ScriptedServer::State> _pState;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<ScriptedServer::State> state) : _pState(std::move(state)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(_pState);
    }

private:
    std::shared_ptr<ScriptedServer::State> _pState;
};

} // namespace

ScriptedServer::Step ScriptedServer::respond(int status, std::string body, Headers headers) {
    Step step;
    step.status = status;
    step.body = std::move(body);
    step.headers = std::move(headers);
    return step;
}

ScriptedServer::Step ScriptedServer::respondThenClose(int status, std::string body) {
    Step step = respond(status, std::move(body));
    step.action = Step::Action::RespondThenClose;
    return step;
}

ScriptedServer::Step ScriptedServer::close() {
    Step step;
    step.action = Step::Action::Close;
    return step;
}

ScriptedServer::Step ScriptedServer::truncated(std::string partial, std::size_t declared, int status) {
    Step step;
    step.action = Step::Action::Truncate;
    step.status = status;
    step.body = std::move(partial);
    step.declaredLength = declared;
    return step;
}

ScriptedServer::Step ScriptedServer::slow(int delayMs, int status, std::string body) {
    Step step = respond(status, std::move(body));
    step.delayMs = delayMs;
    return step;
}

ScriptedServer::ScriptedServer() : ScriptedServer(std::string(), std::string()) {}

ScriptedServer::ScriptedServer(const std::string& keyFile, const std::string& certificateFile)
    : _pState(std::make_shared<State>()), _tls(!keyFile.empty()) {
    const Poco::Net::SocketAddress address("127.0.0.1", 0);
    std::unique_ptr<Poco::Net::ServerSocket> pSocket;
    if (_tls) {
        Poco::Net::initializeSSL();
        Poco::Net::Context::Ptr pContext = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, keyFile,
                                                                  certificateFile, "", Poco::Net::Context::VERIFY_NONE);
        pSocket = std::make_unique<Poco::Net::SecureServerSocket>(address, 64, pContext);
    } else {
        pSocket = std::make_unique<Poco::Net::ServerSocket>(address);
    }
    _port = pSocket->address().port();
    auto* pParams = new Poco::Net::HTTPServerParams;
    pParams->setMaxThreads(16);
    pParams->setMaxQueued(64);
    pParams->setKeepAlive(true);
    pParams->setKeepAliveTimeout(Poco::Timespan(10, 0));
    _pServer = std::make_unique<Poco::Net::HTTPServer>(new Factory(_pState), *pSocket, pParams);
    _pServer->start();
}

ScriptedServer::~ScriptedServer() {
    {
        std::lock_guard<std::mutex> lock(_pState->mutex);
        _pState->stopping = true;
    }
    _pState->wake.notify_all();
    _pServer->stopAll(true);
    std::unique_lock<std::mutex> lock(_pState->mutex);
    _pState->wake.wait_for(lock, std::chrono::seconds(5), [&] { return _pState->active == 0; });
}

void ScriptedServer::script(std::vector<Step> steps) {
    std::lock_guard<std::mutex> lock(_pState->mutex);
    _pState->steps.assign(steps.begin(), steps.end());
}

void ScriptedServer::setFallback(Step step) {
    std::lock_guard<std::mutex> lock(_pState->mutex);
    _pState->fallback = std::move(step);
}

int ScriptedServer::port() const { return _port; }

std::string ScriptedServer::url(const std::string& path) const {
    return std::string(_tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(_port) + path;
}

std::size_t ScriptedServer::requestCount() const {
    std::lock_guard<std::mutex> lock(_pState->mutex);
    return _pState->recorded.size();
}

std::size_t ScriptedServer::connectionCount() const {
    std::lock_guard<std::mutex> lock(_pState->mutex);
    std::set<std::string> addresses;
    for (const auto& rec : _pState->recorded) addresses.insert(rec.clientAddress);
    return addresses.size();
}

void ScriptedServer::waitUntilIdle() const {
    std::unique_lock<std::mutex> lock(_pState->mutex);
    _pState->wake.wait_for(lock, std::chrono::seconds(5), [&] { return _pState->active == 0; });
}

std::vector<ScriptedServer::Recorded> ScriptedServer::requests() const {
    std::lock_guard<std::mutex> lock(_pState->mutex);
    return _pState->recorded;
}

} // namespace jobhost::tests
