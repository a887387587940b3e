// jobhost host — ConsoleRunObserver.h
// Prints a run's progress, checkpoints and log lines to a CLI stream.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>

#include "runtime/RunObserver.h"

namespace jobhost::host {

/// Thread-safe (one mutex around the stream); never throws. Debug lines are
/// skipped unless `verbose`. Text arrives already redacted.
class ConsoleRunObserver : public RunObserver {
public:
    ConsoleRunObserver(std::ostream& out, bool verbose);

    void onLog(const std::string& level, const std::string& message) override;
    void onProgress(std::uint64_t done, std::uint64_t total, const std::string& unit) override;
    void onCheckpoint(const RunCounters& counters) override;

    /// "YYYY-MM-DD HH:MM:SS" (UTC) of epoch milliseconds.
    static std::string formatTime(std::int64_t epochMs);

private:
    std::mutex _mutex;
    std::ostream& _out;
    bool _verbose;
};

} // namespace jobhost::host
