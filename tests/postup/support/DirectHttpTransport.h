// jobhost postup tests — DirectHttpTransport.h
// A small sdk::HttpTransport over Poco Net for tests and the benchmark.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Net/HTTPClientSession.h>

#include "jobhost/sdk/HttpTransport.h"

namespace jobhost::plugins::postup::test {

/// Plain-HTTP transport with keep-alive connection reuse and the host's retry
/// rules in miniature: retries 408/429/5xx and connection errors with a
/// capped exponential backoff, honours Retry-After (seconds, capped by
/// maxRetryAfterMs so tests stay fast), resets the BodySink before each
/// attempt's body, treats a 2xx body shorter than its Content-Length as a
/// connection error. Stands in for the host's PocoHttpTransport.
///
/// Thread-safety: send() may be called from many threads (idle sessions are
/// pooled under a mutex). Never throws.
class DirectHttpTransport : public sdk::HttpTransport {
public:
    struct Options {
        int maxAttempts = 8;
        std::int64_t baseBackoffMs = 5;
        std::int64_t maxBackoffMs = 200;
        std::int64_t maxRetryAfterMs = 50;
    };

    DirectHttpTransport();
    explicit DirectHttpTransport(Options options);

    sdk::HttpResponse send(const sdk::HttpRequest& request, sdk::BodySink* sink = nullptr) override;

    std::uint64_t requests() const { return _requests.load(); }
    std::uint64_t attempts() const { return _attempts.load(); }

private:
    using SessionPtr = std::unique_ptr<Poco::Net::HTTPClientSession>;
    SessionPtr acquire(const std::string& host, std::uint16_t port);
    void release(const std::string& host, std::uint16_t port, SessionPtr session);

    Options _options;
    std::mutex _mutex;
    std::map<std::string, std::vector<SessionPtr>> _idle;
    std::atomic<std::uint64_t> _requests{0};
    std::atomic<std::uint64_t> _attempts{0};
};

} // namespace jobhost::plugins::postup::test
