// jobhost host — TransportErrorKind.h
// Why an HTTP attempt produced no usable response.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace jobhost::host {

/// Failure classes of one HTTP attempt that got no (complete) response.
/// RetryPolicy::isRetryable(TransportErrorKind) decides which are retried.
enum class TransportErrorKind : std::uint8_t {
    None,              ///< the attempt got a complete response
    Timeout,           ///< connect or read timed out (retryable)
    ConnectionReset,   ///< closed/reset before or during the response, truncated body (retryable)
    ConnectionRefused, ///< nothing listening (retryable)
    HostNotFound,      ///< DNS failure (retryable)
    Network,           ///< other socket-level I/O error (retryable)
    Tls,               ///< TLS handshake or certificate failure (not retryable)
    InvalidRequest,    ///< bad URL or unsupported scheme (not retryable)
    Aborted,           ///< the BodySink refused more data (not retryable)
    Cancelled,         ///< the caller cancelled (not retryable)
    LimitExceeded,     ///< the response broke a limit: body size or attempt time (not retryable)
    BadBody,           ///< a 2xx body that cannot be what was asked for: wrong Content-Type,
                       ///< JSON nested too deep, invalid UTF-8 (not retryable)
    Other              ///< anything else (not retryable)
};

} // namespace jobhost::host
