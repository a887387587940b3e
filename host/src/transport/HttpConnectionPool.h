// jobhost host — HttpConnectionPool.h
// Idle keep-alive HTTP(S) client sessions, kept per endpoint for reuse.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace Poco::Net {
class HTTPClientSession;
}

namespace jobhost::host {

/// Holds sessions whose last exchange ended cleanly (whole body read, server
/// kept the connection open) so the next request to the same endpoint skips
/// the TCP (and TLS) handshake.
///
/// Ownership: a session is owned either by the pool (idle) or by exactly one
/// caller between take() and give(); a session that failed mid-exchange is
/// simply destroyed by its caller, never returned. Thread-safe.
///
/// Staleness: take() drops idle sessions the server has already closed (the
/// socket polls readable: EOF or unsolicited bytes) and sessions idle longer
/// than `maxIdleMs`, so a reused connection is one the server still holds.
/// A server may still close it in the instant between; the caller sees a
/// connection error then, which its retry policy treats like any reset.
class HttpConnectionPool {
public:
    struct Endpoint {
        std::string scheme; ///< "http" or "https"
        std::string host;
        std::uint16_t port = 0;
        bool operator<(const Endpoint& other) const {
            return std::tie(scheme, host, port) < std::tie(other.scheme, other.host, other.port);
        }
    };

    /// `maxIdlePerEndpoint` bounds the sessions kept per endpoint (extra ones
    /// are closed); `maxIdleMs` is how long an idle session stays usable.
    explicit HttpConnectionPool(std::size_t maxIdlePerEndpoint = 8, std::int64_t maxIdleMs = 5000);
    ~HttpConnectionPool();

    HttpConnectionPool(const HttpConnectionPool&) = delete;
    HttpConnectionPool& operator=(const HttpConnectionPool&) = delete;

    /// An idle, still-open session for `endpoint`, or null when there is none.
    std::unique_ptr<Poco::Net::HTTPClientSession> take(const Endpoint& endpoint);
    /// Returns a session after a clean exchange. Never throws.
    void give(const Endpoint& endpoint, std::unique_ptr<Poco::Net::HTTPClientSession> pSession);
    /// Idle sessions currently held (all endpoints).
    std::size_t idleCount() const;

private:
    struct IdleSession {
        std::unique_ptr<Poco::Net::HTTPClientSession> pSession;
        std::int64_t idleSinceMs = 0; ///< steady clock
    };

    const std::size_t _maxIdlePerEndpoint;
    const std::int64_t _maxIdleMs;
    mutable std::mutex _mutex;
    std::map<Endpoint, std::vector<IdleSession>> _idle;
};

} // namespace jobhost::host
