// FaultInjector.h — jobhost postup-sim: decides which fault, if any, hits a request.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/FaultSettings.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace jobhost::sim {

/// The outcome for one request: summed latency and at most one terminal fault.
struct FaultDecision {
  int latencyMs = 0;
  std::optional<FaultKind> kind;
  int retryAfterSeconds = 0;
  bool retryAfterHttpDate = false;
  long long size = 0; ///< FaultRule::size of the deciding rule
};

/// Evaluates the rules in order under a mutex, so decisions are deterministic
/// for a given seed and request order. Thread-safe.
class FaultInjector {
public:
  FaultInjector(FaultSettings settings, std::uint64_t dataSeed);
  FaultDecision decide(const std::string& method, const std::string& path);
  FaultSettings settings() const;
  /// Replaces the rules; counters start again at zero.
  void replace(FaultSettings settings);
  int slowImportMs() const;
  /// True when `route` ("*" or "[METHOD ]/prefix") matches.
  static bool matches(const std::string& route, const std::string& method, const std::string& path);

private:
  mutable std::mutex _mutex;
  FaultSettings _settings;
  std::uint64_t _dataSeed;
};

} // namespace jobhost::sim
