// FaultSettings.h — jobhost postup-sim: the complete fault configuration.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/FaultRule.h"

#include <cstdint>
#include <vector>

namespace jobhost::sim {

/// All fault settings; replaceable at run time (SimulatorServer::setFaults,
/// PUT /_sim/faults). Rules are evaluated in order: latency rules add up, the
/// first firing non-latency rule decides the outcome. Plain value type.
struct FaultSettings {
  std::vector<FaultRule> rules;
  /// Extra delay added to every import created while non-zero ("slow imports").
  int slowImportMs = 0;
  /// Seed for the per-rule random draws; 0 = use the data seed.
  std::uint64_t seed = 0;
};

} // namespace jobhost::sim
