// ChaosSettings.h — jobhost chaos harness: where the binaries are and how big a trial is.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace jobhost::chaos {

/// Command-line settings of jobhost-chaos (see ChaosMain.cpp --help). Plain value type.
struct ChaosSettings {
    std::string jobhost;         ///< build/bin/jobhost
    std::string pluginDir;       ///< build/plugins
    std::string manifestDir;     ///< the chaos copy of manifests/ (fast retries, no rate limit)
    std::string simulator;       ///< build/bin/postup-sim
    std::string workDir;         ///< per-trial folders live here
    std::int64_t anchorEpoch = 0;///< the simulator's frozen "now" (the same for every trial)
    int recipients = 80;
    bool faults = true;          ///< simulator fault injection in trials
    bool kills = true;           ///< SIGKILLs in trials
    bool keepAll = false;        ///< keep every trial folder (default: only failing ones)
    bool verbose = false;
};

} // namespace jobhost::chaos
