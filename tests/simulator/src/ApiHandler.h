// ApiHandler.h — jobhost postup-sim: the PostUp REST resources under /api.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "AuthService.h"
#include "FaultInjector.h"
#include "HttpExchange.h"
#include "JsonWriter.h"
#include "SimState.h"

namespace jobhost::sim {

/// Authenticates, authorises and serves every /api route of postup-api.md.
/// Failures are thrown as ApiError and rendered by the router. Stateless apart
/// from the references it holds; safe to use from many threads.
class ApiHandler {
public:
  ApiHandler(SimState& state, AuthService& auth, FaultInjector& faults);
  void handle(HttpExchange& ex);

private:
  void site(HttpExchange& ex, const SimUser& user);
  void brands(HttpExchange& ex, const SimUser& user);
  void lists(HttpExchange& ex, const SimUser& user);
  void recipients(HttpExchange& ex, const SimUser& user);
  void subscriptions(HttpExchange& ex, const SimUser& user);
  void customFields(HttpExchange& ex, const SimUser& user);
  void campaigns(HttpExchange& ex, const SimUser& user);
  void mailings(HttpExchange& ex, const SimUser& user);
  void statistics(HttpExchange& ex, const SimUser& user);
  void campaignStatistics(HttpExchange& ex, const SimUser& user);
  void importTemplates(HttpExchange& ex, const SimUser& user);
  void imports(HttpExchange& ex, const SimUser& user);

  void sendList(HttpExchange& ex, const ListRecord& l);
  void sendRecipient(HttpExchange& ex, const RecipientRecord& r);
  void writeSubscription(JsonWriter& w, const SubscriptionRecord& s);

  SimState& _state;
  AuthService& _auth;
  FaultInjector& _faults;
};

} // namespace jobhost::sim
