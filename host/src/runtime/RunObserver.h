// jobhost host — RunObserver.h
// Callbacks a caller of JobRunner receives while a run is in progress.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
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

/// Makes the observer of one run once its id is known (e.g. the console's
/// RunProgressBoard::observerFor). Called by JobRunner on the run's thread
/// right after the run row exists, with the observer the caller passed as
/// `next` (may be null); the returned observer should forward to `next`
/// and is kept until the run ends. Returning null means "use `next`". Must
/// be thread-safe; an exception it throws is caught and the run goes on
/// with `next`.
using RunObserverFactory = std::function<std::shared_ptr<RunObserver>(std::int64_t runId, RunObserver* next)>;

} // namespace jobhost::host
