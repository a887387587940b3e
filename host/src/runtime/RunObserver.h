// jobhost host — RunObserver.h
// Callbacks a caller of JobRunner receives while a run is in progress.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "store/RunRepository.h"

namespace jobhost::host {

/// Receives run events (e.g. `jobhost job run` prints them). Called from the
/// thread running the job and from plugin threads, so implementations must
/// be thread-safe; they must not throw. All text is already redacted.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void onLog(const std::string& level, const std::string& message) { (void)level, (void)message; }
    virtual void onProgress(std::uint64_t done, std::uint64_t total, const std::string& unit) { (void)done, (void)total, (void)unit; }
    virtual void onCheckpoint(const RunCounters& counters) { (void)counters; }
};

} // namespace jobhost::host
