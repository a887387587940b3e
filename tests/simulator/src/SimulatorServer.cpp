// SimulatorServer.cpp — jobhost postup-sim: the in-process PostUp API simulator.
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/sim/SimulatorServer.h"

#include "AdminHandler.h"
#include "ApiHandler.h"
#include "AuthService.h"
#include "FaultInjector.h"
#include "ImportWorker.h"
#include "ReportHandler.h"
#include "RequestRouter.h"
#include "SimState.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <mutex>
#include <stdexcept>

namespace jobhost::sim {

struct SimulatorServer::Impl {
  explicit Impl(SimulatorOptions o)
      : options(std::move(o)), state(options),
        auth(options.users, options.lockoutThreshold, options.lockoutMinutes, options.downloadToken),
        faults(options.faults, options.seed), api(state, auth, faults), reports(state, auth),
        admin(state, auth, faults), worker(state) {}

  SimulatorOptions options;
  SimState state;
  AuthService auth;
  FaultInjector faults;
  ApiHandler api;
  ReportHandler reports;
  AdminHandler admin;
  ImportWorker worker;
  mutable std::mutex mutex;
  // The request threads. Owned here, not Poco's default pool, so stop() can wait
  // for every handler to return: handlers use the members above, which die with
  // this Impl. Declared before pServer, which refers to it.
  std::unique_ptr<Poco::ThreadPool> pThreads;
  std::unique_ptr<Poco::Net::HTTPServer> pServer;
  std::uint16_t port = 0;
  std::atomic<bool> stopping{false};
};

SimulatorServer::SimulatorServer(SimulatorOptions options) : _pImpl(std::make_unique<Impl>(std::move(options))) {}

SimulatorServer::~SimulatorServer() { stop(); }

void SimulatorServer::start() {
  std::lock_guard<std::mutex> lock(_pImpl->mutex);
  if (_pImpl->pServer) throw std::runtime_error("postup-sim: server already running");
  std::signal(SIGPIPE, SIG_IGN);
  try {
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(_pImpl->options.host, _pImpl->options.port), true);
    socket.listen(128);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(_pImpl->options.maxThreads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);
    params->setKeepAliveTimeout(Poco::Timespan(10, 0));
    params->setTimeout(Poco::Timespan(30, 0));
    _pImpl->port = socket.address().port();
    _pImpl->stopping = false;
    auto* router = new RequestRouter(_pImpl->state, _pImpl->faults, _pImpl->api, _pImpl->reports, _pImpl->admin,
                                     _pImpl->stopping);
    if (!_pImpl->pThreads)
      _pImpl->pThreads = std::make_unique<Poco::ThreadPool>(1, std::max(_pImpl->options.maxThreads, 1) + 1, 60);
    _pImpl->pServer = std::make_unique<Poco::Net::HTTPServer>(router, *_pImpl->pThreads, socket, params);
    _pImpl->pServer->start();
  } catch (const Poco::Exception& e) {
    _pImpl->pServer.reset();
    _pImpl->port = 0;
    throw std::runtime_error("postup-sim: cannot listen on " + _pImpl->options.host + ":" +
                             std::to_string(_pImpl->options.port) + ": " + e.displayText());
  }
  _pImpl->worker.start();
}

void SimulatorServer::stop() {
  std::unique_ptr<Poco::Net::HTTPServer> server;
  {
    std::lock_guard<std::mutex> lock(_pImpl->mutex);
    server = std::move(_pImpl->pServer);
  }
  if (server) {
    _pImpl->stopping = true;
    server->stopAll(true); // aborts the connections; their handlers may still be running
    server.reset();
    _pImpl->pThreads->joinAll(); // every handler has returned; threads stay for a restart
  }
  _pImpl->worker.stop();
}

bool SimulatorServer::running() const {
  std::lock_guard<std::mutex> lock(_pImpl->mutex);
  return _pImpl->pServer != nullptr;
}

std::uint16_t SimulatorServer::port() const {
  std::lock_guard<std::mutex> lock(_pImpl->mutex);
  return _pImpl->pServer ? _pImpl->port : 0;
}

std::string SimulatorServer::baseUrl() const {
  return "http://" + _pImpl->options.host + ":" + std::to_string(port());
}

std::string SimulatorServer::apiBaseUrl() const { return baseUrl() + "/api"; }

std::string SimulatorServer::reportBaseUrl() const { return baseUrl(); }

std::string SimulatorServer::reportUrl(std::int64_t mailingId, const std::string& type, const std::string& user,
                                       const std::string& token) const {
  std::string u, t;
  Poco::URI::encode(user, "&=+?#/@:", u);
  Poco::URI::encode(token, "&=+?#/@:", t);
  return reportBaseUrl() + "/" + _pImpl->options.siteName + "/ExternalDownload.do?siteID=" + siteId() +
         "&mailingID=" + std::to_string(mailingId) + "&type=" + type + "&user=" + u + "&token=" + t;
}

const SimulatorOptions& SimulatorServer::options() const { return _pImpl->options; }
std::string SimulatorServer::siteId() const { return _pImpl->state.seeded().siteId(); }
std::string SimulatorServer::siteName() const { return _pImpl->options.siteName; }

std::vector<ListCounts> SimulatorServer::listCounts() const { return _pImpl->state.allCounts(); }

ListCounts SimulatorServer::listCounts(std::int64_t listId) const {
  if (!_pImpl->state.list(listId)) throw std::out_of_range("postup-sim: unknown list " + std::to_string(listId));
  return _pImpl->state.counts(listId);
}

std::vector<std::string> SimulatorServer::normalMemberAddresses(std::int64_t listId) const {
  if (!_pImpl->state.list(listId)) throw std::out_of_range("postup-sim: unknown list " + std::to_string(listId));
  std::vector<std::string> out;
  std::string address;
  std::optional<std::string> ext;
  _pImpl->state.forEachMemberBatch(listId, [&](const std::vector<SubscriptionRecord>& batch) {
    for (const auto& s : batch) {
      if (SimState::effectiveClass(s.listStatus, _pImpl->state.globalStatus(s.recipientId)) != 'N') continue;
      _pImpl->state.identity(s.recipientId, address, ext);
      out.push_back(address);
    }
  });
  return out;
}

std::vector<ActivityRow> SimulatorServer::expectedActivity(std::int64_t mailingId, const std::string& type) const {
  auto mail = _pImpl->state.mailing(mailingId);
  if (!mail) throw std::out_of_range("postup-sim: unknown mailing " + std::to_string(mailingId));
  auto kind = ActivityKinds::parse(type);
  if (!kind) throw std::invalid_argument("postup-sim: unknown report type " + type);
  std::vector<ActivityRow> rows;
  _pImpl->state.activityRows(*mail, *kind, 0, SimState::activityCount(*mail, *kind), rows);
  return rows;
}

std::int64_t SimulatorServer::activityRowCount(std::int64_t mailingId, const std::string& type) const {
  auto mail = _pImpl->state.mailing(mailingId);
  if (!mail) throw std::out_of_range("postup-sim: unknown mailing " + std::to_string(mailingId));
  auto kind = ActivityKinds::parse(type);
  if (!kind) throw std::invalid_argument("postup-sim: unknown report type " + type);
  return SimState::activityCount(*mail, *kind);
}

std::vector<std::int64_t> SimulatorServer::mailingIds() const {
  std::vector<std::int64_t> ids;
  for (const auto& m : _pImpl->state.allMailings()) ids.push_back(m.mailingId);
  return ids;
}

std::vector<MutationRecord> SimulatorServer::mutations() const { return _pImpl->state.mutations(); }
void SimulatorServer::clearMutations() { _pImpl->state.clearMutations(); }
std::map<std::string, std::int64_t> SimulatorServer::requestCounts() const { return _pImpl->state.requestCounts(); }
void SimulatorServer::clearRequestCounts() { _pImpl->state.clearRequestCounts(); }
FaultSettings SimulatorServer::faults() const { return _pImpl->faults.settings(); }
void SimulatorServer::setFaults(const FaultSettings& faults) { _pImpl->faults.replace(faults); }
std::int64_t SimulatorServer::now() const { return _pImpl->state.now(); }
void SimulatorServer::setNow(std::int64_t epochSeconds) { _pImpl->state.setNow(epochSeconds); }
void SimulatorServer::resetLockouts() { _pImpl->auth.resetLockouts(); }

} // namespace jobhost::sim
