// CommandLine.h — jobhost postup-sim: parses the postup-sim command line.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorOptions.h"

#include <string>
#include <vector>

namespace jobhost::sim {

/// Turns arguments (without argv[0]) into SimulatorOptions. Accepts
/// "--flag value" and "--flag=value". Never throws; problems are reported
/// in Result::error (the executable exits 64 then). Stateless, thread-safe.
class CommandLine {
public:
  struct Result {
    SimulatorOptions options;
    bool help = false;
    std::string error;
  };
  static Result parse(const std::vector<std::string>& args);
  static std::string usage();
};

} // namespace jobhost::sim
