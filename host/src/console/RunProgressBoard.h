// jobhost host — RunProgressBoard.h
// The latest progress report of each active run, for the console.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <Poco/Types.h>

#include "runtime/RunObserver.h"

namespace jobhost::host {

/// One progress report (sdk::JobContext::progress).
struct RunProgress {
    std::uint64_t done = 0;
    std::uint64_t total = 0; ///< 0 = unknown
    std::string unit;
};

/// In-memory board of the last progress report per run id. Progress is not
/// stored (plugins may report it many times a second), so the runner feeds
/// this board through observerFor(runId) and the console reads it. Bounded:
/// keeps the newest `capacity` runs. Thread-safe; never throws except
/// std::bad_alloc.
class RunProgressBoard {
public:
    explicit RunProgressBoard(std::size_t capacity = 1000);

    void update(Poco::Int64 runId, const RunProgress& progress);
    /// Empty when the run never reported progress (or was evicted).
    std::optional<RunProgress> find(Poco::Int64 runId) const;
    /// An observer that records onProgress() calls for `runId` and forwards
    /// every callback to `next` (may be null). Keeps the board by reference:
    /// the board must outlive the observer.
    std::shared_ptr<RunObserver> observerFor(Poco::Int64 runId, RunObserver* next = nullptr);

private:
    std::size_t _capacity;
    mutable std::mutex _mutex;
    std::map<Poco::Int64, RunProgress> _runs;
};

} // namespace jobhost::host
