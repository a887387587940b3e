// jobhost host — HttpConnectionPool.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/HttpConnectionPool.h"

#include <chrono>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/Socket.h>
#include <Poco/Timespan.h>

namespace jobhost::host {

namespace {

std::int64_t steadyNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

/// True when the idle connection can carry another request: still connected
/// and nothing to read (a readable idle socket means the peer closed it or
/// sent bytes nobody asked for — either way it is unusable).
bool stillOpen(Poco::Net::HTTPClientSession& session) {
    try {
        if (!session.connected()) return false;
        return !session.socket().poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR);
    } catch (...) {
        return false;
    }
}

} // namespace

HttpConnectionPool::HttpConnectionPool(std::size_t maxIdlePerEndpoint, std::int64_t maxIdleMs)
    : _maxIdlePerEndpoint(maxIdlePerEndpoint), _maxIdleMs(maxIdleMs) {}

HttpConnectionPool::~HttpConnectionPool() = default;

std::unique_ptr<Poco::Net::HTTPClientSession> HttpConnectionPool::take(const Endpoint& endpoint) {
    std::vector<IdleSession> expired; // closed outside the lock
    std::unique_ptr<Poco::Net::HTTPClientSession> found;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        auto it = _idle.find(endpoint);
        if (it == _idle.end()) return nullptr;
        const std::int64_t now = steadyNowMs();
        auto& sessions = it->second;
        while (!sessions.empty() && !found) {
            IdleSession candidate = std::move(sessions.back()); // most recently used first
            sessions.pop_back();
            if (now - candidate.idleSinceMs <= _maxIdleMs && stillOpen(*candidate.pSession))
                found = std::move(candidate.pSession);
            else
                expired.push_back(std::move(candidate));
        }
        if (sessions.empty()) _idle.erase(it);
    }
    return found;
}

void HttpConnectionPool::give(const Endpoint& endpoint, std::unique_ptr<Poco::Net::HTTPClientSession> pSession) {
    if (!pSession || _maxIdlePerEndpoint == 0) return;
    try {
        std::lock_guard<std::mutex> lock(_mutex);
        auto& sessions = _idle[endpoint];
        if (sessions.size() >= _maxIdlePerEndpoint) sessions.erase(sessions.begin()); // drop the oldest
        sessions.push_back(IdleSession{std::move(pSession), steadyNowMs()});
    } catch (...) {
        // Out of memory while pooling: the session is closed instead of kept.
    }
}

std::size_t HttpConnectionPool::idleCount() const {
    std::lock_guard<std::mutex> lock(_mutex);
    std::size_t count = 0;
    for (const auto& [endpoint, sessions] : _idle) count += sessions.size();
    return count;
}

} // namespace jobhost::host
