// RequestRouter.h — jobhost postup-sim: dispatch, fault injection and error rendering.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AdminHandler.h"
#include "ApiHandler.h"
#include "FaultInjector.h"
#include "HostileResponder.h"
#include "ReportHandler.h"
#include "SimState.h"

#include <atomic>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace jobhost::sim {

/// Poco handler factory for the simulator. For every request it reads the
/// body, applies faults (not to /_sim/), routes to /api, the report download
/// or /_sim/, renders ApiError (and any other exception, as a JSON 500) and
/// records mutating calls. Thread-safe; owned by the HTTPServer.
class RequestRouter : public Poco::Net::HTTPRequestHandlerFactory {
public:
  /// `stopping` (owned by the server) ends hostile endless bodies when the server stops.
  RequestRouter(SimState& state, FaultInjector& faults, ApiHandler& api, ReportHandler& reports, AdminHandler& admin,
                const std::atomic<bool>& stopping);
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;
  /// Serves one request; never throws.
  void dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

private:
  SimState& _state;
  FaultInjector& _faults;
  ApiHandler& _api;
  ReportHandler& _reports;
  AdminHandler& _admin;
  HostileResponder _hostile;
};

} // namespace jobhost::sim
