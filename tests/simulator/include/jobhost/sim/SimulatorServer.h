// SimulatorServer.h — jobhost postup-sim: the in-process PostUp API simulator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/ActivityRow.h"
#include "jobhost/sim/FaultSettings.h"
#include "jobhost/sim/ListCounts.h"
#include "jobhost/sim/MutationRecord.h"
#include "jobhost/sim/SimulatorOptions.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace jobhost::sim {

/// A PostUp site served over HTTP (Poco HTTPServer) on `options.host`.
///
/// The data set is built in the constructor (cheap: recipients, memberships
/// and report rows are derived from the seed on demand; only mutations are
/// stored). All methods are thread-safe. The ground-truth methods work with or
/// without a running server. start() ignores SIGPIPE process-wide, because a
/// client that hangs up mid-download must not kill the process.
class SimulatorServer {
public:
  /// Builds the site; throws std::invalid_argument for impossible sizes.
  explicit SimulatorServer(SimulatorOptions options = {});
  /// Stops the server if running.
  ~SimulatorServer();
  SimulatorServer(const SimulatorServer&) = delete;
  SimulatorServer& operator=(const SimulatorServer&) = delete;

  /// Binds host:port and starts serving; throws std::runtime_error when the
  /// socket cannot be bound or the server already runs.
  void start();
  /// Stops accepting, waits for in-flight requests; idempotent.
  void stop();
  bool running() const;

  /// Bound port (0 before start()).
  std::uint16_t port() const;
  /// "http://HOST:PORT"
  std::string baseUrl() const;
  /// "http://HOST:PORT/api" — the PostUp REST base URL.
  std::string apiBaseUrl() const;
  /// "http://HOST:PORT" — the UI host serving /{siteName}/ExternalDownload.do.
  std::string reportBaseUrl() const;
  /// Full download URL for one report (user/token in the query).
  std::string reportUrl(std::int64_t mailingId, const std::string& type,
                        const std::string& user, const std::string& token) const;

  const SimulatorOptions& options() const;
  std::string siteId() const;
  std::string siteName() const;

  // ---- ground truth (same data as the /_sim/ routes) ----

  /// Counts for every list, ascending listId.
  std::vector<ListCounts> listCounts() const;
  /// Counts for one list; throws std::out_of_range for an unknown list.
  ListCounts listCounts(std::int64_t listId) const;
  /// Addresses (as stored, original case) of effective-NORMAL members, ascending recipientId.
  std::vector<std::string> normalMemberAddresses(std::int64_t listId) const;
  /// Rows the TSV download serves for OPEN, CLICK, HARD, SOFT or BOUNCE;
  /// throws std::out_of_range / std::invalid_argument for unknown mailing/type.
  std::vector<ActivityRow> expectedActivity(std::int64_t mailingId, const std::string& type) const;
  /// Row count of that report without materialising it.
  std::int64_t activityRowCount(std::int64_t mailingId, const std::string& type) const;
  /// Ids of all mailings (seeded and created), ascending.
  std::vector<std::int64_t> mailingIds() const;
  /// Every mutating call received so far, in arrival order.
  std::vector<MutationRecord> mutations() const;
  void clearMutations();
  /// With options.countRequests: how often each "METHOD /path" (query left
  /// out, /_sim/ routes not counted) was requested, faulted attempts included.
  std::map<std::string, std::int64_t> requestCounts() const;
  void clearRequestCounts();

  FaultSettings faults() const;
  /// Replaces all fault rules (counters restart at zero).
  void setFaults(const FaultSettings& faults);

  /// Simulated clock, epoch seconds UTC.
  std::int64_t now() const;
  /// Freezes the simulated clock at `epochSeconds` (seeded data keeps its anchor).
  void setNow(std::int64_t epochSeconds);
  /// Unlocks every locked-out user and clears failure counters.
  void resetLockouts();

private:
  struct Impl;
  std::unique_ptr<Impl> _pImpl;
};

} // namespace jobhost::sim
