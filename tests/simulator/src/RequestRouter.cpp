// RequestRouter.cpp — jobhost postup-sim: dispatch, fault injection and error rendering.
// SPDX-License-Identifier: Apache-2.0
#include "RequestRouter.h"

#include "ApiError.h"
#include "JsonWriter.h"
#include "TimeFormat.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/String.h>

#include <chrono>
#include <thread>

namespace jobhost::sim {

namespace {

class Adapter : public Poco::Net::HTTPRequestHandler {
public:
  explicit Adapter(RequestRouter& router) : _router(router) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    _router.dispatch(request, response);
  }

private:
  RequestRouter& _router;
};

std::int64_t wallMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

RequestRouter::RequestRouter(SimState& state, FaultInjector& faults, ApiHandler& api, ReportHandler& reports,
                             AdminHandler& admin, const std::atomic<bool>& stopping)
    : _state(state), _faults(faults), _api(api), _reports(reports), _admin(admin), _hostile(stopping) {}

Poco::Net::HTTPRequestHandler* RequestRouter::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new Adapter(*this);
}

void RequestRouter::dispatch(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  std::optional<HttpExchange> exOpt;
  try {
    exOpt.emplace(request, response);
  } catch (const std::exception&) {
    return; // the client went away while sending the body
  }
  HttpExchange& ex = *exOpt;
  const auto& seg = ex.segments();
  const bool admin = !seg.empty() && seg[0] == "_sim";
  const bool mutating = !admin && ex.method() != "GET" && ex.method() != "HEAD";
  if (!admin && _state.options().countRequests) _state.countRequest(ex.method() + " " + ex.path());
  std::string faultName;
  try {
    if (admin) {
      _admin.handle(ex);
    } else {
      const FaultDecision d = _faults.decide(ex.method(), ex.path());
      if (d.latencyMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(d.latencyMs));
      if (d.kind) faultName = FaultRule::kindName(*d.kind);
      if (d.kind == FaultKind::Error) {
        ex.sendText(500, "Server error");
      } else if (d.kind == FaultKind::Throttle) {
        const std::int64_t nowSec = wallMillis() / 1000;
        ex.addHeader("Retry-After", d.retryAfterHttpDate ? TimeFormat::httpDate(nowSec + d.retryAfterSeconds)
                                                         : std::to_string(d.retryAfterSeconds));
        ex.sendJson(429, ApiError(429, "Too many requests").body());
      } else if (d.kind == FaultKind::Reset) {
        ex.resetConnection();
      } else if (d.kind && HostileResponder::handles(*d.kind)) {
        _hostile.respond(ex, *d.kind, d.size);
      } else {
        if (d.kind == FaultKind::Truncate) ex.setTruncate(true);
        if (!seg.empty() && seg[0] == "api") _api.handle(ex);
        else if (seg.size() == 2 && seg[1] == "ExternalDownload.do") _reports.handle(ex);
        else throw ApiError(404, "No such resource: " + ex.path());
      }
    }
  } catch (const ApiError& e) {
    if (!ex.sent()) {
      try { ex.sendError(e); } catch (const std::exception&) { }
    }
  } catch (const std::exception& e) {
    if (!ex.sent()) {
      try { ex.sendJson(500, ApiError(500, std::string("Internal simulator error: ") + e.what()).body()); }
      catch (const std::exception&) { }
    }
  }
  if (mutating) {
    MutationRecord m;
    m.method = ex.method();
    m.path = ex.path();
    m.query = ex.rawQuery();
    m.body = ex.body().substr(0, 4096);
    m.time = TimeFormat::format(_state.now());
    m.wallMillis = wallMillis();
    m.status = ex.status();
    m.fault = faultName;
    _state.recordMutation(std::move(m));
  }
}

} // namespace jobhost::sim
