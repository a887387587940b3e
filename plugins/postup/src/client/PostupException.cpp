// jobhost postup plugin — PostupException.cpp
// SPDX-License-Identifier: Apache-2.0
#include "client/PostupException.h"

namespace jobhost::plugins::postup {

namespace {
std::string describe(ApiErrorKind kind, int status, const std::string& message) {
    std::string text = PostupException::kindName(kind);
    if (status != 0) text += " (HTTP " + std::to_string(status) + ")";
    if (!message.empty()) text += ": " + message;
    return text;
}
} // namespace

PostupException::PostupException(ApiErrorKind kind, int httpStatus, std::string message, std::string operation,
                                 std::string field, std::optional<std::int64_t> retryAfterMs)
    : std::runtime_error(describe(kind, httpStatus, message)), _kind(kind), _httpStatus(httpStatus),
      _message(std::move(message)), _operation(std::move(operation)), _field(std::move(field)),
      _retryAfterMs(retryAfterMs) {}

bool PostupException::transient() const {
    switch (_kind) {
    case ApiErrorKind::Transport:
    case ApiErrorKind::Throttled:
    case ApiErrorKind::Server:
    case ApiErrorKind::BadResponse:
        return true;
    default:
        return false;
    }
}

const char* PostupException::kindName(ApiErrorKind kind) {
    switch (kind) {
    case ApiErrorKind::Transport: return "transport error";
    case ApiErrorKind::BadCredentials: return "unauthorized";
    case ApiErrorKind::Forbidden: return "forbidden";
    case ApiErrorKind::NotFound: return "not found";
    case ApiErrorKind::Conflict: return "conflict";
    case ApiErrorKind::Throttled: return "throttled";
    case ApiErrorKind::Server: return "server error";
    case ApiErrorKind::BadRequest: return "bad request";
    case ApiErrorKind::BadResponse: return "bad response";
    }
    return "error";
}

} // namespace jobhost::plugins::postup
