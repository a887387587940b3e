// jobhost host — PocoHttpTransport.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/PocoHttpTransport.h"

#include <algorithm>
#include <chrono>
#include <istream>
#include <mutex>
#include <ostream>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/String.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include "transport/DefaultRandomSource.h"
#include "transport/JsonBodyCheck.h"
#include "transport/SystemClock.h"
#include "util/ChaosHook.h"

namespace jobhost::host {

namespace {

constexpr std::int64_t kDefaultTimeoutMs = 30000;
constexpr std::size_t kChunkSize = 16 * 1024;

void initializeSslOnce() {
    static std::once_flag once;
    std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

/// RFC 9110 §9.2.2: repeating these has the effect of sending them once.
bool idempotent(const std::string& method) {
    const std::string upper = Poco::toUpper(method);
    return upper != "POST" && upper != "PATCH";
}

bool methodHasBody(const std::string& method) {
    const std::string upper = Poco::toUpper(method);
    return upper == "POST" || upper == "PUT" || upper == "PATCH";
}

bool hasHeader(const sdk::HttpHeaders& headers, const std::string& name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& header) { return Poco::icompare(header.first, name) == 0; });
}

/// True when the request's Accept header asks for JSON.
bool wantsJson(const sdk::HttpHeaders& headers) {
    for (const auto& [name, value] : headers)
        if (Poco::icompare(name, "Accept") == 0 && Poco::toLower(value).find("json") != std::string::npos) return true;
    return false;
}

std::string mebibytes(std::size_t bytes) {
    if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

/// What one attempt produced.
struct PocoHttpTransport::Attempt {
    int status = 0;
    sdk::HttpHeaders headers;
    std::string body;
    TransportErrorKind error = TransportErrorKind::None;
    std::string errorText; ///< raw detail (redacted before it leaves the class)
    bool requestSent = false; ///< the whole request left this process (the server may have acted on it)
};

PocoHttpTransport::PocoHttpTransport() : PocoHttpTransport(Options{}) {}

PocoHttpTransport::PocoHttpTransport(Options options)
    : _options(std::move(options)),
      _policy(_options.retry),
      _redactor(_options.secrets),
      _pClock(_options.pClock ? _options.pClock : std::shared_ptr<Clock>(SystemClock::instance())),
      _pRandom(_options.pRandom ? _options.pRandom : std::shared_ptr<RandomSource>(DefaultRandomSource::instance())),
      _pool(_options.keepAlive ? _options.maxIdleConnectionsPerHost : 0, _options.maxIdleConnectionMs) {}

PocoHttpTransport::~PocoHttpTransport() = default;

void PocoHttpTransport::cancel() { _cancelled.store(true); }

bool PocoHttpTransport::isCancelled() const { return _cancelled.load(); }

bool PocoHttpTransport::cancelRequested() const {
    if (_cancelled.load()) return true;
    if (!_options.cancelled) return false;
    try {
        return _options.cancelled();
    } catch (...) {
        return true; // a broken cancel check must not keep us retrying forever
    }
}

PocoHttpTransport::Counters PocoHttpTransport::counters() const {
    Counters c;
    c.requests = _requests.load();
    c.attempts = _attempts.load();
    c.retries = _retries.load();
    c.failures = _failures.load();
    c.rateLimitWaits = _rateLimitWaits.load();
    c.rateLimitWaitedMs = _rateLimitWaitedMs.load();
    c.backoffSleptMs = _backoffSleptMs.load();
    c.bytesSent = _bytesSent.load();
    c.bytesReceived = _bytesReceived.load();
    c.connectionsOpened = _connectionsOpened.load();
    c.connectionsReused = _connectionsReused.load();
    return c;
}

void PocoHttpTransport::log(sdk::LogLevel level, const std::string& line) const {
    if (!_options.pLogger) return;
    try {
        _options.pLogger->log(level, _redactor.apply(line));
    } catch (...) {
        // A failing logger must not turn a request into an exception (send() never throws).
    }
}

Poco::Net::Context::Ptr PocoHttpTransport::sslContext() {
    std::lock_guard<std::mutex> lock(_contextMutex);
    if (!_pContext) {
        initializeSslOnce();
        Poco::Net::Context::Params params;
        params.caLocation = _options.caLocation;
        params.verificationMode =
            _options.verifyCertificates ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE;
        params.loadDefaultCAs = true;
        _pContext = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        _pContext->enableExtendedCertificateVerification(_options.verifyCertificates);
    }
    return _pContext;
}

sdk::HttpResponse PocoHttpTransport::send(const sdk::HttpRequest& request, sdk::BodySink* pSink) {
    sdk::HttpResponse response;
    try {
        ++_requests;
        std::string safeUrl;
        try {
            safeUrl = _redactor.applyToUrl(request.url);
        } catch (...) {
            safeUrl = "(url)";
        }
        const std::string what = Poco::toUpper(request.method) + " " + safeUrl;
        const std::int64_t startMs = _pClock->nowMs();
        const int maxRetries = std::max(_policy.settings().maxAttempts, 1) - 1;
        const CancelCheck cancelled = [this] { return cancelRequested(); };

        auto finishCancelled = [&](int attempts) {
            response = sdk::HttpResponse{};
            response.attempts = attempts;
            response.transportError = what + ": cancelled";
            ++_failures;
            return response;
        };

        for (int attemptNo = 1;; ++attemptNo) {
            if (cancelRequested()) return finishCancelled(attemptNo - 1);
            if (_options.pRateLimiter) {
                std::int64_t waited = 0;
                if (!_options.pRateLimiter->acquire(cancelled, &waited)) return finishCancelled(attemptNo - 1);
                if (waited > 0) {
                    ++_rateLimitWaits;
                    _rateLimitWaitedMs += waited;
                }
                if (cancelRequested()) return finishCancelled(attemptNo - 1);
            }

            ++_attempts;
            if (attemptNo > 1) ++_retries;
            Attempt attempt;
            performAttempt(request, pSink, attempt);
            if (ChaosHook::armed() && attempt.error == TransportErrorKind::None) {
                std::string path;
                try {
                    path = Poco::URI(request.url).getPath();
                } catch (...) {
                }
                // One point per route: numeric segments (ids) become {id}.
                std::string route;
                for (std::size_t start = 0; start < path.size();) {
                    std::size_t end = path.find('/', start + 1);
                    if (end == std::string::npos) end = path.size();
                    const std::string segment = path.substr(start, end - start); // "/x"
                    const bool id = segment.size() > 1 && segment.find_first_not_of("0123456789", 1) == std::string::npos;
                    route += id ? "/{id}" : segment;
                    start = end;
                }
                ChaosHook::reach("http-response:" + Poco::toUpper(request.method) + " " + route);
            }

            response = sdk::HttpResponse{};
            response.attempts = attemptNo;
            response.status = attempt.error == TransportErrorKind::None ? attempt.status : 0;
            response.headers = std::move(attempt.headers);
            response.body = std::move(attempt.body);
            std::string outcome;
            if (attempt.error != TransportErrorKind::None) {
                outcome = RetryPolicy::describe(attempt.error);
                if (!attempt.errorText.empty()) outcome += " (" + attempt.errorText + ")";
                response.transportError = _redactor.apply(what + ": " + outcome);
            } else {
                outcome = std::to_string(attempt.status);
            }

            bool retryable = attempt.error != TransportErrorKind::None ? RetryPolicy::isRetryable(attempt.error)
                                                                       : RetryPolicy::isRetryableStatus(attempt.status);
            // A POST the server may have carried out is not sent again: only a
            // 429/503 answer or a failure before the request left says it was not.
            if (retryable && !idempotent(request.method) && attempt.requestSent &&
                !(attempt.error == TransportErrorKind::None && (attempt.status == 429 || attempt.status == 503))) {
                retryable = false;
                if (!response.transportError.empty())
                    response.transportError += " (not retried: " + Poco::toUpper(request.method) +
                                               " is not idempotent and the server may have received it)";
            }
            if (!retryable) {
                if (response.status < 200 || response.status > 299) ++_failures;
                if (attemptNo > 1)
                    log(sdk::LogLevel::Info, what + " → " + outcome + " after " + std::to_string(attemptNo) + " attempts");
                return response;
            }

            std::optional<std::int64_t> retryAfter;
            if (attempt.error == TransportErrorKind::None) {
                const std::string hint = response.header("Retry-After");
                if (!hint.empty()) retryAfter = RetryPolicy::parseRetryAfterMs(hint, _pClock->epochMs());
            }
            const RetryDecision decision =
                _policy.decide(attemptNo, _pClock->nowMs() - startMs, retryAfter, *_pRandom);
            if (!decision.retry) {
                log(sdk::LogLevel::Warning, what + " → " + outcome + ", giving up after " +
                                                std::to_string(attemptNo) + " attempt" +
                                                (attemptNo == 1 ? "" : "s") + ": " + decision.reason);
                if (!response.transportError.empty())
                    response.transportError += _redactor.apply("; gave up after " + std::to_string(attemptNo) +
                                                               " attempts: " + decision.reason);
                ++_failures;
                return response;
            }
            log(sdk::LogLevel::Warning, what + " → " + outcome + ", retry " + std::to_string(attemptNo) + "/" +
                                            std::to_string(maxRetries) + " in " +
                                            std::to_string(decision.delayMs) + " ms" +
                                            (retryAfter ? " (Retry-After)" : ""));
            if (!_pClock->sleepFor(decision.delayMs, cancelled)) return finishCancelled(attemptNo);
            _backoffSleptMs += decision.delayMs;
        }
    } catch (const std::exception& e) {
        response = sdk::HttpResponse{};
        response.transportError = _redactor.apply(std::string("internal transport error: ") + e.what());
        ++_failures;
    } catch (...) {
        response = sdk::HttpResponse{};
        response.transportError = "internal transport error";
        ++_failures;
    }
    return response;
}

void PocoHttpTransport::performAttempt(const sdk::HttpRequest& request, sdk::BodySink* pSink, Attempt& attempt) {
    auto fail = [&](TransportErrorKind kind, const std::string& text) {
        attempt.error = kind;
        attempt.errorText = text;
    };
    try {
        exchange(request, pSink, attempt);
    } catch (const Poco::TimeoutException& e) {
        fail(TransportErrorKind::Timeout, e.displayText());
    } catch (const Poco::Net::ConnectionRefusedException& e) {
        fail(TransportErrorKind::ConnectionRefused, e.displayText());
    } catch (const Poco::Net::DNSException& e) {
        fail(TransportErrorKind::HostNotFound, e.displayText());
    } catch (const Poco::Net::SSLConnectionUnexpectedlyClosedException& e) {
        fail(TransportErrorKind::ConnectionReset, e.displayText());
    } catch (const Poco::Net::SSLException& e) {
        fail(TransportErrorKind::Tls, e.displayText());
    } catch (const Poco::Net::ConnectionResetException& e) {
        fail(TransportErrorKind::ConnectionReset, e.displayText());
    } catch (const Poco::Net::ConnectionAbortedException& e) {
        fail(TransportErrorKind::ConnectionReset, e.displayText());
    } catch (const Poco::Net::NoMessageException& e) {
        fail(TransportErrorKind::ConnectionReset, e.displayText());
    } catch (const Poco::Net::MessageException& e) {
        fail(TransportErrorKind::Network, e.displayText());
    } catch (const Poco::Net::InvalidAddressException& e) {
        fail(TransportErrorKind::InvalidRequest, e.displayText());
    } catch (const Poco::SyntaxException&) {
        // Poco quotes the raw URL (userinfo included) in this message: keep it out.
        fail(TransportErrorKind::InvalidRequest, "malformed URL");
    } catch (const Poco::Net::NetException& e) {
        fail(TransportErrorKind::Network, e.displayText());
    } catch (const Poco::IOException& e) {
        fail(TransportErrorKind::Network, e.displayText());
    } catch (const Poco::Exception& e) {
        fail(TransportErrorKind::Other, e.displayText());
    } catch (const std::exception& e) {
        fail(TransportErrorKind::Other, e.what());
    } catch (...) {
        fail(TransportErrorKind::Other, "unknown error");
    }
}

void PocoHttpTransport::exchange(const sdk::HttpRequest& request, sdk::BodySink* pSink, Attempt& attempt) {
    const Poco::URI uri(request.url);
    const std::string scheme = Poco::toLower(uri.getScheme());
    if ((scheme != "http" && scheme != "https") || uri.getHost().empty()) {
        attempt.error = TransportErrorKind::InvalidRequest;
        attempt.errorText = "URL must be absolute http:// or https://";
        return;
    }

    const auto startedAt = std::chrono::steady_clock::now();
    const HttpLimits& limits = _options.limits;
    // True (and the attempt failed) once limits.maxAttemptMs has passed.
    auto outOfTime = [&] {
        if (limits.maxAttemptMs <= 0) return false;
        const auto spent = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - startedAt).count();
        if (spent < limits.maxAttemptMs) return false;
        attempt.error = TransportErrorKind::LimitExceeded;
        attempt.errorText = "the response took longer than " + std::to_string(limits.maxAttemptMs) +
                            " ms (http_limits.max_attempt_ms); " + std::to_string(attempt.body.size()) + " body bytes so far";
        return true;
    };
    const HttpConnectionPool::Endpoint endpoint{scheme, uri.getHost(), uri.getPort()};
    std::unique_ptr<Poco::Net::HTTPClientSession> pSession = _options.keepAlive ? _pool.take(endpoint) : nullptr;
    if (pSession) {
        ++_connectionsReused;
    } else {
        if (scheme == "https")
            pSession = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), sslContext());
        else
            pSession = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
        ++_connectionsOpened;
    }
    const std::int64_t timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : kDefaultTimeoutMs;
    const Poco::Timespan timeout(timeoutMs * 1000);
    pSession->setTimeout(timeout, timeout, timeout);
    pSession->setKeepAlive(_options.keepAlive);
    // Back to the pool only after a clean exchange; every early return or
    // exception below leaves pSession to close the connection.
    auto keepForReuse = [&](const Poco::Net::HTTPResponse& httpResponse) {
        if (_options.keepAlive && httpResponse.getKeepAlive()) _pool.give(endpoint, std::move(pSession));
    };

    std::string target = uri.getPathEtc();
    if (target.empty() || target[0] != '/') target.insert(0, "/");
    Poco::Net::HTTPRequest httpRequest(Poco::toUpper(request.method), target, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : request.headers) {
        if (Poco::icompare(name, "Content-Length") == 0 || Poco::icompare(name, "Host") == 0) continue;
        httpRequest.add(name, value);
    }
    if (!hasHeader(request.headers, "User-Agent") && !_options.userAgent.empty())
        httpRequest.set("User-Agent", _options.userAgent);
    if (!request.body.empty() || methodHasBody(request.method))
        httpRequest.setContentLength64(static_cast<Poco::Int64>(request.body.size()));

    std::ostream& out = pSession->sendRequest(httpRequest);
    out.exceptions(std::ios::badbit);
    if (!request.body.empty()) {
        out.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
        out.flush();
        _bytesSent += request.body.size();
    }
    attempt.requestSent = true;

    Poco::Net::HTTPResponse httpResponse;
    std::istream& in = pSession->receiveResponse(httpResponse);
    in.exceptions(std::ios::badbit);
    attempt.status = static_cast<int>(httpResponse.getStatus());
    for (const auto& [name, value] : httpResponse) attempt.headers.emplace_back(name, value);

    const bool success = attempt.status >= 200 && attempt.status <= 299;
    const bool noBody = Poco::icompare(request.method, "HEAD") == 0 || attempt.status == 204 || attempt.status == 304;
    if (noBody) {
        keepForReuse(httpResponse);
        return;
    }

    char buffer[kChunkSize];
    std::uint64_t received = 0;
    if (success && pSink) {
        pSink->reset();
        while (in) {
            in.read(buffer, sizeof buffer);
            const std::streamsize n = in.gcount();
            if (n <= 0) break;
            received += static_cast<std::uint64_t>(n);
            _bytesReceived += static_cast<std::uint64_t>(n);
            if (!pSink->write(buffer, static_cast<std::size_t>(n))) {
                attempt.error = TransportErrorKind::Aborted;
                attempt.errorText.clear();
                return;
            }
            if (outOfTime()) return;
        }
    } else {
        const std::size_t limit = success ? limits.maxBodyBytes : _options.errorBodyLimit;
        if (success) {
            const Poco::Int64 announced = httpResponse.getContentLength64();
            if (announced != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH && static_cast<std::uint64_t>(announced) > limit) {
                attempt.error = TransportErrorKind::LimitExceeded;
                attempt.errorText = "the body announces " + std::to_string(announced) + " bytes, more than the " +
                                    mebibytes(limit) + " allowed (http_limits.max_body_bytes)";
                return;
            }
        }
        bool bodyComplete = false; // read to the end (not cut at the limit, not broken)
        try {
            while (in && attempt.body.size() < limit) {
                const std::size_t want = std::min<std::size_t>(sizeof buffer, limit - attempt.body.size());
                in.read(buffer, static_cast<std::streamsize>(want));
                const std::streamsize n = in.gcount();
                if (n <= 0) break;
                received += static_cast<std::uint64_t>(n);
                _bytesReceived += static_cast<std::uint64_t>(n);
                attempt.body.append(buffer, static_cast<std::size_t>(n));
                if (success && outOfTime()) return;
            }
            bodyComplete = !in.good() || in.peek() == std::char_traits<char>::eof();
            if (success && !bodyComplete) {
                attempt.error = TransportErrorKind::LimitExceeded;
                attempt.errorText = "the body is larger than the " + mebibytes(limit) + " allowed (http_limits.max_body_bytes)";
                attempt.body.clear();
                return;
            }
        } catch (const Poco::Exception&) {
            if (success) throw; // a broken 2xx body is a transport error (retried)
            // A broken error body: keep the status and what arrived.
        }
        if (!success) {
            // A short or cut-off error body is still an error response; the
            // connection is reusable only if the whole body was consumed.
            const Poco::Int64 expected = httpResponse.getContentLength64();
            if (bodyComplete && (expected == Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH ||
                                 received == static_cast<std::uint64_t>(expected)))
                keepForReuse(httpResponse);
            return;
        }
    }

    const Poco::Int64 expected = httpResponse.getContentLength64();
    if (expected != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH && received < static_cast<std::uint64_t>(expected)) {
        attempt.error = TransportErrorKind::ConnectionReset;
        attempt.errorText = "truncated body: got " + std::to_string(received) + " of " + std::to_string(expected) +
                            " bytes";
        return;
    }
    if (!pSink && wantsJson(request.headers)) {
        const std::string type = httpResponse.getContentType();
        std::optional<std::string> problem;
        if (!type.empty() && type != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_TYPE && !JsonBodyCheck::isJsonType(type))
            problem = "Content-Type " + type + " where JSON was asked for";
        else
            problem = JsonBodyCheck::problem(attempt.body, limits.maxJsonDepth);
        if (problem) {
            attempt.error = TransportErrorKind::BadBody;
            attempt.errorText = *problem + (problem->find("nested") != std::string::npos ? " (http_limits.max_json_depth)" : "");
            attempt.body.clear();
            keepForReuse(httpResponse);
            return;
        }
    }
    keepForReuse(httpResponse);
}

} // namespace jobhost::host
