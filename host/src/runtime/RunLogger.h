// jobhost host — RunLogger.h
// The sdk::Logger of one run: redacts secrets, stores a bounded excerpt.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include <Poco/Data/Session.h>

#include "jobhost/sdk/Logger.h"
#include "runtime/RunObserver.h"
#include "store/Store.h"
#include "transport/Clock.h"
#include "transport/Redactor.h"

namespace jobhost::host {

/// Writes each line, after Redactor::apply, to run_log through its own store
/// connection (so lines survive a crash), up to `headLines` lines; beyond
/// that it keeps the last `tailLines` in memory and stores them with an
/// "N lines omitted" marker on finish(). Also forwards each redacted line to
/// the observer. Thread-safe (one mutex); never throws — a store failure
/// drops the line and counts it as omitted.
class RunLogger : public sdk::Logger {
public:
    struct Limits {
        std::size_t headLines = 150;
        std::size_t tailLines = 50;
        std::size_t maxLineLength = 2000; ///< longer lines are cut (after redaction)
    };

    RunLogger(const Store& store, std::int64_t runId, Redactor redactor, std::shared_ptr<Clock> clock, RunObserver* observer, Limits limits);
    RunLogger(const Store& store, std::int64_t runId, Redactor redactor, std::shared_ptr<Clock> clock, RunObserver* observer);

    void log(sdk::LogLevel level, const std::string& message) override;
    /// Stores the kept tail; later lines go to the observer only.
    void finish();
    /// Lines not stored (omitted past the head or lost to a store error).
    std::int64_t droppedLines() const;
    const Redactor& redactor() const { return _redactor; }

    static const char* levelName(sdk::LogLevel level);

private:
    struct Line {
        std::int64_t at;
        std::string level;
        std::string message;
    };
    void store(const Line& line);

    mutable std::mutex _mutex;
    const Store& _store;
    std::unique_ptr<Poco::Data::Session> _pSession;
    std::int64_t _runId;
    Redactor _redactor;
    std::shared_ptr<Clock> _pClock;
    RunObserver* _pObserver;
    Limits _limits;
    std::size_t _stored = 0;
    std::int64_t _dropped = 0;
    std::deque<Line> _tail;
    bool _finished = false;
};

} // namespace jobhost::host
