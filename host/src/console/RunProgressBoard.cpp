// jobhost host — RunProgressBoard.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/RunProgressBoard.h"

namespace jobhost::host {
namespace {

class BoardObserver : public RunObserver {
public:
    BoardObserver(RunProgressBoard& board, Poco::Int64 runId, RunObserver* pNext)
        : _board(board), _runId(runId), _pNext(pNext) {}

    void onLog(const std::string& level, const std::string& message) override {
        if (_pNext) _pNext->onLog(level, message);
    }
    void onProgress(std::uint64_t done, std::uint64_t total, const std::string& unit) override {
        try {
            _board.update(_runId, RunProgress{done, total, unit});
        } catch (const std::bad_alloc&) {
            return; // observers must not throw; progress is best effort
        }
        if (_pNext) _pNext->onProgress(done, total, unit);
    }
    void onCheckpoint(const RunCounters& counters) override {
        if (_pNext) _pNext->onCheckpoint(counters);
    }

private:
    RunProgressBoard& _board;
    Poco::Int64 _runId;
    RunObserver* _pNext;
};

} // namespace

RunProgressBoard::RunProgressBoard(std::size_t capacity) : _capacity(capacity ? capacity : 1) {}

void RunProgressBoard::update(Poco::Int64 runId, const RunProgress& progress) {
    std::lock_guard<std::mutex> lock(_mutex);
    _runs[runId] = progress;
    while (_runs.size() > _capacity) _runs.erase(_runs.begin()); // run ids grow: the oldest go first
}

std::optional<RunProgress> RunProgressBoard::find(Poco::Int64 runId) const {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _runs.find(runId);
    if (it == _runs.end()) return std::nullopt;
    return it->second;
}

std::shared_ptr<RunObserver> RunProgressBoard::observerFor(Poco::Int64 runId, RunObserver* next) {
    return std::make_shared<BoardObserver>(*this, runId, next);
}

} // namespace jobhost::host
