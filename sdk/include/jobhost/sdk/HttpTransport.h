// jobhost SDK — HttpTransport.h
// The HTTP client the host lends to plugins: retries, rate limit, redaction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace jobhost::sdk {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// One HTTP request. The URL is absolute (http:// or https://).
struct HttpRequest {
    std::string method = "GET";
    std::string url;
    HttpHeaders headers;          ///< e.g. Authorization; the host never logs header values
    std::string body;
    std::int64_t timeoutMs = 30000; ///< per attempt (connect + each read)
};

/// Final response after the host's retries.
struct HttpResponse {
    int status = 0;               ///< HTTP status; 0 when no response arrived (see transportError)
    HttpHeaders headers;
    std::string body;             ///< empty when the body went to a BodySink
    std::string transportError;   ///< non-empty when the request failed without a response
    int attempts = 0;             ///< how many attempts the host made

    /// Case-insensitive header lookup; empty when absent.
    std::string header(const std::string& name) const {
        for (const auto& [key, value] : headers) {
            if (key.size() == name.size()) {
                bool same = true;
                for (std::size_t i = 0; i < key.size() && same; ++i)
                    same = (key[i] | 0x20) == (name[i] | 0x20);
                if (same) return value;
            }
        }
        return {};
    }
};

/// Receives a response body as it streams in, so large downloads stay out of
/// memory. Owned by the caller; used only during the send() call.
class BodySink {
public:
    virtual ~BodySink() = default;
    /// Called before each attempt's body: discard anything written so far
    /// (an earlier attempt broke off and is being retried).
    virtual void reset() = 0;
    /// Called with each chunk of a 2xx body. Return false to abort the download.
    virtual bool write(const char* data, std::size_t size) = 0;
};

/// The host's HTTP transport. Thread-safe: a plugin may call send() from
/// several threads at once. Never throws. Retries 408/429/5xx, timeouts and
/// connection resets with full-jitter exponential backoff, honours
/// Retry-After, waits for the (provider, authorization) rate limit, and
/// returns the last response once retries are exhausted or the status is not
/// retryable. Credentials in headers and URLs never reach logs.
class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    /// Sends the request; the body of a 2xx response goes to `sink` when one
    /// is given, otherwise into HttpResponse::body. Error bodies (non-2xx)
    /// always land in HttpResponse::body (truncated to 64 KiB).
    virtual HttpResponse send(const HttpRequest& request, BodySink* sink = nullptr) = 0;
};

} // namespace jobhost::sdk
