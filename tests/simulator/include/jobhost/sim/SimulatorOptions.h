// SimulatorOptions.h — jobhost postup-sim: start-up options of the simulator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/FaultSettings.h"
#include "jobhost/sim/SimUser.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::sim {

/// Everything the simulator needs to build its site. Data is derived from
/// `seed` and the sizes, so equal options give byte-identical responses.
/// Plain value type; SimulatorServer copies it.
struct SimulatorOptions {
  std::uint64_t seed = 42;
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;              ///< 0 = pick a free port
  int maxThreads = 16;                 ///< HTTP worker threads

  int lists = 5;
  std::int64_t recipients = 1000;
  int membershipsPerRecipient = 2;     ///< lists per seeded recipient (<= lists)
  int campaigns = 4;
  int mailingsPerCampaign = 5;
  int eventsPerMailing = 200;          ///< activity rows per sent mailing (OPEN+CLICK+HARD+SOFT)

  std::vector<SimUser> users = SimUser::defaults();
  std::string siteId;                  ///< GUID; empty = derived from seed
  std::string siteName = "demo";       ///< path segment of /{site}/ExternalDownload.do
  std::string downloadToken = "sim-download-token"; ///< accepted as `token` besides the password
  std::string simToken;                ///< when set, /_sim/ needs header X-Sim-Token
  int lockoutThreshold = 5;            ///< consecutive failures before lockout; 0 = never
  int lockoutMinutes = 30;

  /// Frozen simulated clock (epoch seconds, UTC). Unset = wall clock. Seeded
  /// data is anchored at this value, or at the start hour of the wall clock.
  std::optional<std::int64_t> now;

  /// listsubscription rows also carry the recipient's own fields as a
  /// nested "recipient" object (what GET /recipient/{id} returns), so a
  /// client needs no detail call (postup-api.md §7.3 leaves this open).
  bool subscriptionRecipients = false;
  /// Count every PostUp request (not /_sim/) by "METHOD /path" for
  /// requestCounts(); off by default (one map entry per distinct path).
  bool countRequests = false;

  int importDelayMs = 2000;            ///< OPEN -> DONE after this delay ...
  int importPollsToDone = 0;           ///< ... or on this poll of GET /import/{id} (0 = off)
  /// Keep every imported row for GET /_sim/import-rows (ground truth of what
  /// POST /import received; costs memory, so off by default).
  bool keepImportRows = false;

  FaultSettings faults;
};

} // namespace jobhost::sim
