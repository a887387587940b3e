// jobhost postup tests — DirectHttpTransport.cpp
// SPDX-License-Identifier: Apache-2.0
#include "DirectHttpTransport.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

namespace jobhost::plugins::postup::test {

DirectHttpTransport::DirectHttpTransport() : DirectHttpTransport(Options{}) {}

DirectHttpTransport::DirectHttpTransport(Options options) : _options(options) {}

DirectHttpTransport::SessionPtr DirectHttpTransport::acquire(const std::string& host, std::uint16_t port) {
    const std::string key = host + ":" + std::to_string(port);
    {
        std::lock_guard<std::mutex> lock(_mutex);
        auto& idle = _idle[key];
        if (!idle.empty()) {
            SessionPtr session = std::move(idle.back());
            idle.pop_back();
            return session;
        }
    }
    auto session = std::make_unique<Poco::Net::HTTPClientSession>(host, port);
    session->setKeepAlive(true);
    return session;
}

void DirectHttpTransport::release(const std::string& host, std::uint16_t port, SessionPtr session) {
    std::lock_guard<std::mutex> lock(_mutex);
    _idle[host + ":" + std::to_string(port)].push_back(std::move(session));
}

sdk::HttpResponse DirectHttpTransport::send(const sdk::HttpRequest& request, sdk::BodySink* sink) {
    ++_requests;
    sdk::HttpResponse response;
    Poco::URI uri;
    try {
        uri = Poco::URI(request.url);
    } catch (const Poco::Exception& e) {
        response.transportError = "invalid URL: " + e.displayText();
        return response;
    }
    for (int attempt = 1; attempt <= _options.maxAttempts; ++attempt) {
        ++_attempts;
        response = sdk::HttpResponse{};
        response.attempts = attempt;
        std::optional<std::int64_t> retryAfterMs;
        bool retryable = false;
        SessionPtr session;
        try {
            session = acquire(uri.getHost(), uri.getPort());
            session->setTimeout(Poco::Timespan(request.timeoutMs * 1000));
            Poco::Net::HTTPRequest req(request.method, uri.getPathAndQuery(), Poco::Net::HTTPMessage::HTTP_1_1);
            req.setKeepAlive(true);
            for (const auto& [name, value] : request.headers) req.set(name, value);
            if (!request.body.empty() || request.method == "POST" || request.method == "PUT")
                req.setContentLength(static_cast<std::streamsize>(request.body.size()));
            std::ostream& out = session->sendRequest(req);
            out << request.body;
            Poco::Net::HTTPResponse resp;
            std::istream& in = session->receiveResponse(resp);
            response.status = static_cast<int>(resp.getStatus());
            for (const auto& [name, value] : resp) response.headers.emplace_back(name, value);
            const bool ok = response.status >= 200 && response.status < 300;
            char buffer[65536];
            std::int64_t received = 0;
            bool aborted = false;
            if (ok && sink) sink->reset();
            while (in) {
                in.read(buffer, sizeof buffer);
                const std::streamsize n = in.gcount();
                if (n <= 0) break;
                received += n;
                if (ok && sink) {
                    if (!sink->write(buffer, static_cast<std::size_t>(n))) {
                        aborted = true;
                        break;
                    }
                } else if (ok || response.body.size() < 65536) {
                    response.body.append(buffer, static_cast<std::size_t>(n));
                }
            }
            if (aborted) {
                response.status = 0;
                response.transportError = "aborted by the body sink";
                return response; // session dropped: its body was not read to the end
            }
            if (resp.hasContentLength() && received < resp.getContentLength64()) {
                response.status = 0;
                response.transportError = "connection closed after " + std::to_string(received) + " of " +
                                          std::to_string(resp.getContentLength64()) + " bytes";
                retryable = true;
            } else {
                if (resp.getKeepAlive()) release(uri.getHost(), uri.getPort(), std::move(session));
                const int s = response.status;
                retryable = s == 408 || s == 429 || s >= 500;
                if (s == 429) {
                    int seconds = 0;
                    if (Poco::NumberParser::tryParse(response.header("Retry-After"), seconds))
                        retryAfterMs = std::min<std::int64_t>(seconds * 1000LL, _options.maxRetryAfterMs);
                }
                if (!retryable) return response;
            }
        } catch (const Poco::Exception& e) {
            response.status = 0;
            response.transportError = e.displayText();
            retryable = true;
        } catch (const std::exception& e) {
            response.status = 0;
            response.transportError = e.what();
            retryable = true;
        }
        if (!retryable || attempt == _options.maxAttempts) break;
        const std::int64_t backoff = std::min(_options.maxBackoffMs, _options.baseBackoffMs << std::min(attempt - 1, 10));
        std::this_thread::sleep_for(std::chrono::milliseconds(std::max(backoff, retryAfterMs.value_or(0))));
    }
    return response;
}

} // namespace jobhost::plugins::postup::test
