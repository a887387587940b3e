// AdminHandler.h — jobhost postup-sim: the non-PostUp /_sim/ ground-truth API.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AuthService.h"
#include "FaultInjector.h"
#include "HttpExchange.h"
#include "SimState.h"

namespace jobhost::sim {

/// Serves /_sim/* (documented in README.md): counts, members, expected
/// activity, received mutations, faults, clock, lockouts. Requires header
/// X-Sim-Token only when options.simToken is set. Never affected by faults.
/// Thread-safe.
class AdminHandler {
public:
  AdminHandler(SimState& state, AuthService& auth, FaultInjector& faults);
  void handle(HttpExchange& ex);

private:
  void counts(HttpExchange& ex);
  void members(HttpExchange& ex, std::int64_t listId);
  void activity(HttpExchange& ex, std::int64_t mailingId);
  void mailings(HttpExchange& ex);
  void requests(HttpExchange& ex);
  void faults(HttpExchange& ex);
  void clock(HttpExchange& ex);

  SimState& _state;
  AuthService& _auth;
  FaultInjector& _faults;
};

} // namespace jobhost::sim
