// jobhost postup plugin — PostupException.h
// A failed PostUp call, classified per postup-api.md §11.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace jobhost::plugins::postup {

/// What went wrong with one call. The import job maps these to Outcomes.
enum class ApiErrorKind : std::uint8_t {
    Transport,      ///< no HTTP response (DNS, connect, reset, timeout) after the transport's retries
    BadCredentials, ///< 401 (wrong login, or "Account locked")
    Forbidden,      ///< 403 (missing privilege, or a download refused for a wrong siteID)
    NotFound,       ///< 404
    Conflict,       ///< 409
    Throttled,      ///< 429 after the transport's retries
    Server,         ///< 5xx after the transport's retries
    BadRequest,     ///< 400 and any other 4xx
    BadResponse,    ///< 2xx whose body is not the JSON we expect, or is {"status":"error"}
};

/// Thrown by PostupClient; never leaves the plugin (the job and the
/// authorization catch it and return values). Immutable value; copying is cheap.
class PostupException : public std::runtime_error {
public:
    PostupException(ApiErrorKind kind, int httpStatus, std::string message, std::string operation = {},
                    std::string field = {}, std::optional<std::int64_t> retryAfterMs = std::nullopt);

    ApiErrorKind kind() const { return _kind; }
    /// HTTP status, 0 for transport errors.
    int httpStatus() const { return _httpStatus; }
    /// The server's `message` (or a description of the transport failure).
    const std::string& message() const { return _message; }
    /// 403: the operation the user may not perform, from the body's
    /// `operation` or parsed from the message; empty when unknown.
    const std::string& operation() const { return _operation; }
    /// The body's `field` (validation errors, e.g. "siteID").
    const std::string& field() const { return _field; }
    /// 429: Retry-After converted to milliseconds when the server sent one.
    const std::optional<std::int64_t>& retryAfterMs() const { return _retryAfterMs; }
    /// True for errors a later attempt may not see (transport, 429, 5xx, bad 2xx body).
    bool transient() const;
    /// Short name of the kind ("transport", "unauthorized", ...), for logs.
    static const char* kindName(ApiErrorKind kind);

private:
    ApiErrorKind _kind;
    int _httpStatus;
    std::string _message;
    std::string _operation;
    std::string _field;
    std::optional<std::int64_t> _retryAfterMs;
};

} // namespace jobhost::plugins::postup
