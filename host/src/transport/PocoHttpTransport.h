// jobhost host — PocoHttpTransport.h
// The sdk::HttpTransport the host lends plugins: Poco Net/NetSSL with
// retries, Retry-After, rate limiting, cancellation, counters and redaction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Net/Context.h>

#include <jobhost/sdk/HttpTransport.h>
#include <jobhost/sdk/Logger.h>

#include "plugins/ProviderManifest.h"
#include "transport/Clock.h"
#include "transport/HttpConnectionPool.h"
#include "transport/HttpLimits.h"
#include "transport/RandomSource.h"
#include "transport/Redactor.h"
#include "transport/RetryPolicy.h"
#include "transport/TokenBucket.h"
#include "transport/TransportErrorKind.h"

namespace jobhost::host {

/// HTTP(S) client for plugins (see sdk::HttpTransport for the contract).
///
/// Behaviour of send():
/// * Each attempt runs on its own HTTPClientSession / HTTPSClientSession,
///   taken from the keep-alive pool when an idle one to the same endpoint is
///   open, else newly connected; so one transport serves many plugin threads
///   at once (thread-safe). A session goes back to the pool only after a
///   clean exchange (whole body read, server kept the connection); any
///   failure closes it. Per-attempt timeout = request.timeoutMs for
///   connect, send and each receive (30 s when <= 0).
/// * Before each attempt it waits on the rate limiter (when set) and checks
///   cancellation; cancellation is also checked during every sleep.
/// * A 2xx body streams into the BodySink when given (reset() is called
///   before each attempt's body), else into HttpResponse::body, at most
///   limits.maxBodyBytes (more: LimitExceeded, not retried).
///   Non-2xx bodies go to HttpResponse::body, truncated to errorBodyLimit.
///   A 2xx body shorter than its Content-Length counts as a connection reset.
/// * One attempt may take limits.maxAttemptMs from connect to the last body
///   byte (LimitExceeded, not retried): a body that never ends cannot hold
///   the caller.
/// * An in-memory 2xx body of a request that asked for JSON (Accept names
///   json) must come with a JSON Content-Type (when it has one at all), be
///   valid UTF-8 and nest at most limits.maxJsonDepth levels; else BadBody
///   (not retried). The failure names the limit and its manifest key.
/// * Responses pass ChaosHook point "http-response:<METHOD> <path>" (tests).
/// * Retries per RetryPolicy: 408/429/5xx and retryable transport errors;
///   other statuses (incl. 3xx — redirects are not followed — and 4xx) are
///   returned at once. A non-idempotent request (POST, PATCH) is retried only
///   when it certainly had no effect: a 429 or 503 answer, or a failure
///   before the whole request was sent; a reset, timeout, truncated answer
///   or other 5xx after sending is returned to the caller, which must find
///   out whether the server acted (e.g. GET /import?importTemplateId=). The delay honours Retry-After (seconds or HTTP-date,
///   relative to the clock) and is slept on the injected clock.
/// * The response describes the last attempt: its status, headers and error
///   body; or status 0 with transportError when that attempt got no
///   response, the sink aborted (status 0, "aborted by the body sink") or
///   the call was cancelled ("cancelled"). `attempts` counts attempts made.
/// * Never throws: every failure becomes a response value.
/// * Logs each retry and each give-up as a Warning:
///   "GET http://host/path → 503, retry 2/4 in 850 ms" (retry n of at most
///   maxAttempts-1), and the final outcome of a retried request as Info:
///   "GET http://host/path → 200 after 3 attempts". URLs are logged
///   without userinfo and with sensitive query values masked, configured
///   secrets are replaced by "***", header values are never logged. The same
///   redaction applies to transportError.
class PocoHttpTransport : public sdk::HttpTransport {
public:
    /// Construction options; every field has a working default.
    struct Options {
        /// Attempt/elapsed caps and backoff (the manifest's httpRetry).
        RetrySettings retry;
        /// Shared (provider, authorization) bucket; null = no rate limit.
        std::shared_ptr<TokenBucket> pRateLimiter;
        /// Receives retry/give-up lines; null = no logging.
        std::shared_ptr<sdk::Logger> pLogger;
        /// Values masked in every logged line and error text (passwords, tokens).
        std::vector<std::string> secrets;
        /// Null = SystemClock::instance().
        std::shared_ptr<Clock> pClock;
        /// Null = DefaultRandomSource::instance().
        std::shared_ptr<RandomSource> pRandom;
        /// Checked before each attempt and during sleeps; empty = only cancel().
        CancelCheck cancelled;
        /// Verify server certificates and host names (HTTPS). Keep true outside tests.
        bool verifyCertificates = true;
        /// Extra CA file or directory (PEM) besides the system CAs; empty = system only.
        std::string caLocation;
        /// Size, time and shape bounds of a response (manifest "http_limits").
        HttpLimits limits;
        /// Bytes of a non-2xx body kept in HttpResponse::body.
        std::size_t errorBodyLimit = 64 * 1024;
        /// Sent unless the request sets its own User-Agent.
        std::string userAgent = "jobhost/" JOBHOST_VERSION;
        /// Reuse connections (HTTP keep-alive) across requests and attempts;
        /// false = one connection per attempt.
        bool keepAlive = true;
        /// Idle keep-alive connections kept per scheme/host/port.
        std::size_t maxIdleConnectionsPerHost = 8;
        /// An idle connection older than this is closed instead of reused.
        std::int64_t maxIdleConnectionMs = 5000;
    };

    /// Snapshot of the counters (monotonic since construction).
    struct Counters {
        std::uint64_t requests = 0;        ///< send() calls
        std::uint64_t attempts = 0;        ///< HTTP attempts made
        std::uint64_t retries = 0;         ///< attempts after the first
        std::uint64_t failures = 0;        ///< send() calls that ended without a 2xx
        std::uint64_t rateLimitWaits = 0;  ///< attempts that waited for a token
        std::int64_t rateLimitWaitedMs = 0;///< total time waited for tokens
        std::int64_t backoffSleptMs = 0;   ///< total time slept between attempts
        std::uint64_t bytesSent = 0;       ///< request bodies
        std::uint64_t bytesReceived = 0;   ///< response bodies (incl. error bodies read)
        std::uint64_t connectionsOpened = 0; ///< attempts that needed a new connection
        std::uint64_t connectionsReused = 0; ///< attempts sent on a pooled keep-alive connection
    };

    /// Defaults: manifest-default retry settings, no rate limit, no logger,
    /// system clock, certificate verification on.
    PocoHttpTransport();
    explicit PocoHttpTransport(Options options);
    ~PocoHttpTransport() override;

    PocoHttpTransport(const PocoHttpTransport&) = delete;
    PocoHttpTransport& operator=(const PocoHttpTransport&) = delete;

    /// See the class comment. Thread-safe; never throws.
    sdk::HttpResponse send(const sdk::HttpRequest& request, sdk::BodySink* pSink = nullptr) override;

    /// Cancels current and future send() calls of this transport: they
    /// return status 0, transportError "cancelled" at the next check.
    void cancel();
    bool isCancelled() const;

    Counters counters() const;
    const RetryPolicy& policy() const { return _policy; }
    /// The redactor used for logs and error texts (holds Options::secrets).
    const Redactor& redactor() const { return _redactor; }

private:
    struct Attempt;

    void performAttempt(const sdk::HttpRequest& request, sdk::BodySink* pSink, Attempt& attempt);
    void exchange(const sdk::HttpRequest& request, sdk::BodySink* pSink, Attempt& attempt);
    Poco::Net::Context::Ptr sslContext();
    bool cancelRequested() const;
    void log(sdk::LogLevel level, const std::string& line) const;

    Options _options;
    RetryPolicy _policy;
    Redactor _redactor;
    std::shared_ptr<Clock> _pClock;
    std::shared_ptr<RandomSource> _pRandom;
    std::atomic<bool> _cancelled{false};

    std::mutex _contextMutex;
    Poco::Net::Context::Ptr _pContext;
    HttpConnectionPool _pool; ///< idle keep-alive sessions (empty when keepAlive is off)

    std::atomic<std::uint64_t> _requests{0};
    std::atomic<std::uint64_t> _attempts{0};
    std::atomic<std::uint64_t> _retries{0};
    std::atomic<std::uint64_t> _failures{0};
    std::atomic<std::uint64_t> _rateLimitWaits{0};
    std::atomic<std::int64_t> _rateLimitWaitedMs{0};
    std::atomic<std::int64_t> _backoffSleptMs{0};
    std::atomic<std::uint64_t> _bytesSent{0};
    std::atomic<std::uint64_t> _bytesReceived{0};
    std::atomic<std::uint64_t> _connectionsOpened{0};
    std::atomic<std::uint64_t> _connectionsReused{0};
};

} // namespace jobhost::host
