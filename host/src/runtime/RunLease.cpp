// jobhost host — RunLease.cpp
// SPDX-License-Identifier: Apache-2.0
#include "runtime/RunLease.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include "store/JobRepository.h"

namespace jobhost::host {

RunLease::RunLease(const Store& store, std::shared_ptr<Clock> clock, std::int64_t jobId, std::int64_t runId, std::int64_t leaseMs)
    : _store(store), _pClock(std::move(clock)), _jobId(jobId), _runId(runId), _leaseMs(leaseMs), _thread([this] { renewLoop(); }) {}

RunLease::~RunLease() {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _stopping = true;
    }
    _wake.notify_all();
    if (_thread.joinable()) _thread.join();
}

void RunLease::renewLoop() {
    const auto period = std::chrono::milliseconds(std::max<std::int64_t>(1, _leaseMs / 3));
    std::unique_ptr<Poco::Data::Session> session;
    std::unique_lock<std::mutex> lock(_mutex);
    while (!_stopping) {
        if (_wake.wait_for(lock, period, [this] { return _stopping; })) break;
        lock.unlock();
        try {
            if (!session) session = std::make_unique<Poco::Data::Session>(_store.openSession());
            if (!JobRepository(*session).renewLease(_jobId, _runId, _pClock->epochMs() + _leaseMs)) _lost = true;
        } catch (const std::exception&) {
            session.reset(); // reconnect at the next period; the lease may run out meanwhile
        }
        lock.lock();
        if (_lost) break;
    }
}

} // namespace jobhost::host
