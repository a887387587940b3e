// jobhost host — RunLogger.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/RunLogger.h"

#include "store/RunRepository.h"

namespace jobhost::host {

RunLogger::RunLogger(const Store& store, std::int64_t runId, Redactor redactor, std::shared_ptr<Clock> clock, RunObserver* observer)
    : RunLogger(store, runId, std::move(redactor), std::move(clock), observer, Limits{}) {}

RunLogger::RunLogger(const Store& store, std::int64_t runId, Redactor redactor, std::shared_ptr<Clock> clock, RunObserver* observer,
                     Limits limits)
    : _store(store), _runId(runId), _redactor(std::move(redactor)), _pClock(std::move(clock)), _pObserver(observer), _limits(limits) {}

const char* RunLogger::levelName(sdk::LogLevel level) {
    switch (level) {
    case sdk::LogLevel::Debug: return "debug";
    case sdk::LogLevel::Info: return "info";
    case sdk::LogLevel::Warning: return "warning";
    case sdk::LogLevel::Error: return "error";
    }
    return "info";
}

void RunLogger::store(const Line& line) {
    try {
        if (!_pSession) _pSession = std::make_unique<Poco::Data::Session>(_store.openSession());
        RunRepository(*_pSession).appendLog(_runId, line.at, line.level, line.message);
        ++_stored;
    } catch (const std::exception&) {
        ++_dropped; // the store is failing; the run's own error path records why
    }
}

void RunLogger::log(sdk::LogLevel level, const std::string& message) {
    try {
        Line line{_pClock->epochMs(), levelName(level), _redactor.apply(message)};
        if (line.message.size() > _limits.maxLineLength) line.message = line.message.substr(0, _limits.maxLineLength) + " [cut]";
        std::lock_guard<std::mutex> lock(_mutex);
        if (_pObserver) _pObserver->onLog(line.level, line.message);
        if (_finished) return;
        if (_stored < _limits.headLines) {
            store(line);
            return;
        }
        _tail.push_back(std::move(line));
        if (_tail.size() > _limits.tailLines) {
            _tail.pop_front();
            ++_dropped;
        }
    } catch (const std::exception&) {
        // never throw into plugin code
    }
}

void RunLogger::finish() {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_finished) return;
    _finished = true;
    if (_dropped > 0 && !_tail.empty())
        store({_tail.front().at, "info", "[" + std::to_string(_dropped) + " log lines omitted]"});
    for (const Line& line : _tail) store(line);
    _tail.clear();
    _pSession.reset();
}

std::int64_t RunLogger::droppedLines() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _dropped;
}

} // namespace jobhost::host
