// FaultSettingsJson.h — jobhost postup-sim: fault settings <-> JSON and CLI specs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/FaultSettings.h"

#include <string>

namespace jobhost::sim {

/// Conversions for GET/PUT /_sim/faults, --faults-file and --fault. Static,
/// thread-safe. Parsers throw std::invalid_argument with a readable message.
class FaultSettingsJson {
public:
  static std::string toJson(const FaultSettings& settings);
  /// {"seed":0,"slowImportMs":0,"rules":[{"kind":"error","route":"GET /api/list","rate":0.5,
  ///   "after":0,"limit":-1,"latencyMs":0,"retryAfterSeconds":1,"retryAfterFormat":"seconds|date"}]}
  static FaultSettings fromJson(const std::string& json);
  /// "kind=error,route=GET /api/list,rate=0.5,limit=3,after=1,latencyMs=200,retryAfter=5,retryAfterFormat=date"
  static FaultRule parseSpec(const std::string& spec);
};

} // namespace jobhost::sim
