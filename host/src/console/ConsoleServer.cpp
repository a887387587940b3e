// jobhost host — ConsoleServer.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ConsoleServer.h"

#include <algorithm>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "app/HostException.h"
#include "console/ApiRouter.h"

namespace jobhost::host {

ConsoleServer::ConsoleServer(ConsoleSettings settings, const ConsoleServices& services)
    : _settings(std::move(settings)), _services(services) {
    if (!_services.pPlugins) throw ConfigException("console: no plugin registry given");
    if (_services.authRequired && !_services.pToken)
        throw ConfigException("console: token authentication is on but no token store was given");
    std::string where = _settings.bindAddress + ":" + std::to_string(_settings.port);
    try {
        Poco::Net::ServerSocket socket;
        socket.bind(Poco::Net::SocketAddress(_settings.bindAddress, _settings.port), true);
        socket.listen(64);
        _port = socket.address().port();
        Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(_settings.maxThreads);
        params->setMaxQueued(_settings.maxQueued);
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(_settings.keepAliveSeconds, 0));
        params->setServerName("jobhost");
        params->setSoftwareVersion("jobhost/" JOBHOST_VERSION);
        _pThreads = std::make_unique<Poco::ThreadPool>(1, std::max(_settings.maxThreads, 1), 60);
        _pServer = std::make_unique<Poco::Net::HTTPServer>(new ApiRouter(_services), *_pThreads, socket, params);
    } catch (const Poco::Net::NetException& e) {
        throw ConfigException("console: cannot listen on " + where + ": " + e.displayText() + "; choose another port with --port");
    } catch (const Poco::IOException& e) {
        throw ConfigException("console: cannot listen on " + where + ": " + e.displayText() + "; choose another port with --port");
    }
}

ConsoleServer::~ConsoleServer() {
    stop();
    _pServer.reset();
    _pThreads.reset(); // stops and joins the worker threads
}

void ConsoleServer::start() {
    if (_running) return;
    _pServer->start();
    _running = true;
}

void ConsoleServer::stop() {
    if (!_running) return;
    _pServer->stopAll(false);
    _pThreads->joinAll(); // in-flight requests finish; threads stay for a restart
    _running = false;
}

std::string ConsoleServer::url() const {
    std::string host = _settings.bindAddress == "0.0.0.0" ? "127.0.0.1" : _settings.bindAddress;
    return "http://" + host + ":" + std::to_string(_port);
}

} // namespace jobhost::host
