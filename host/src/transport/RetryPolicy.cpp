// jobhost host — RetryPolicy.cpp
// SPDX-License-Identifier: Apache-2.0
#include "transport/RetryPolicy.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <regex>
#include <utility>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/String.h>

namespace jobhost::host {

RetryPolicy::RetryPolicy(RetrySettings settings, std::int64_t retryAfterLimitMs)
    : _settings(settings), _retryAfterLimitMs(std::max<std::int64_t>(retryAfterLimitMs, 0)) {}

std::int64_t RetryPolicy::backoffCeilingMs(int attempt) const {
    const std::int64_t base = _settings.baseMs;
    if (base <= 0) return 0;
    const std::int64_t cap = std::max(_settings.capMs, std::int64_t{0});
    const int shift = std::max(attempt, 1) - 1;
    std::int64_t ceiling = base;
    for (int i = 0; i < shift && ceiling < cap; ++i) {
        if (ceiling > std::numeric_limits<std::int64_t>::max() / 2) return cap;
        ceiling *= 2;
    }
    return std::min(ceiling, cap);
}

std::int64_t RetryPolicy::backoffMs(int attempt, RandomSource& random) const {
    const std::int64_t ceiling = backoffCeilingMs(attempt);
    if (ceiling <= 0) return 0;
    return std::clamp<std::int64_t>(random.uniform(0, ceiling), 0, ceiling);
}

std::int64_t RetryPolicy::effectiveDelayMs(std::int64_t backoff, std::optional<std::int64_t> retryAfterMs) const {
    std::int64_t hint = 0;
    if (retryAfterMs) hint = std::clamp<std::int64_t>(*retryAfterMs, 0, _retryAfterLimitMs);
    return std::max(std::max<std::int64_t>(backoff, 0), hint);
}

RetryDecision RetryPolicy::decide(int attempt, std::int64_t elapsedMs, std::optional<std::int64_t> retryAfterMs,
                                  RandomSource& random) const {
    RetryDecision decision;
    const int maxAttempts = std::max(_settings.maxAttempts, 1);
    if (attempt >= maxAttempts) {
        decision.reason = "attempt cap " + std::to_string(maxAttempts) + " reached";
        return decision;
    }
    const std::int64_t backoff = backoffMs(attempt, random);
    const std::int64_t delay = effectiveDelayMs(backoff, retryAfterMs);
    if (_settings.maxElapsedMs > 0 && std::max<std::int64_t>(elapsedMs, 0) + delay > _settings.maxElapsedMs) {
        decision.reason = "elapsed cap " + std::to_string(_settings.maxElapsedMs) + " ms would be exceeded (" +
                          std::to_string(elapsedMs) + " ms spent, next wait " + std::to_string(delay) + " ms)";
        return decision;
    }
    decision.retry = true;
    decision.delayMs = delay;
    decision.backoffMs = backoff;
    return decision;
}

bool RetryPolicy::isRetryableStatus(int status) {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

bool RetryPolicy::isRetryable(TransportErrorKind kind) {
    switch (kind) {
    case TransportErrorKind::Timeout:
    case TransportErrorKind::ConnectionReset:
    case TransportErrorKind::ConnectionRefused:
    case TransportErrorKind::HostNotFound:
    case TransportErrorKind::Network:
        return true;
    case TransportErrorKind::None:
    case TransportErrorKind::Tls:
    case TransportErrorKind::InvalidRequest:
    case TransportErrorKind::Aborted:
    case TransportErrorKind::Cancelled:
    case TransportErrorKind::LimitExceeded:
    case TransportErrorKind::BadBody:
    case TransportErrorKind::Other:
        return false;
    }
    return false;
}

const char* RetryPolicy::describe(TransportErrorKind kind) {
    switch (kind) {
    case TransportErrorKind::None: return "no error";
    case TransportErrorKind::Timeout: return "timeout";
    case TransportErrorKind::ConnectionReset: return "connection reset";
    case TransportErrorKind::ConnectionRefused: return "connection refused";
    case TransportErrorKind::HostNotFound: return "host not found";
    case TransportErrorKind::Network: return "network error";
    case TransportErrorKind::Tls: return "TLS error";
    case TransportErrorKind::InvalidRequest: return "invalid request";
    case TransportErrorKind::Aborted: return "aborted by the body sink";
    case TransportErrorKind::Cancelled: return "cancelled";
    case TransportErrorKind::LimitExceeded: return "response limit exceeded";
    case TransportErrorKind::BadBody: return "unusable response body";
    case TransportErrorKind::Other: return "error";
    }
    return "error";
}

std::optional<std::int64_t> RetryPolicy::parseRetryAfterMs(const std::string& value, std::int64_t nowEpochMs) {
    const std::string text = Poco::trim(value);
    if (text.empty()) return std::nullopt;
    if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
        if (text.size() > 12) return std::numeric_limits<std::int64_t>::max() / 4; // absurdly large: clamp later
        return std::stoll(text) * 1000;
    }
    // Poco's parser is lenient (it accepts "soon" as year 0), so each format
    // is matched strictly first (RFC 9110 §5.6.7).
    static const std::pair<std::regex, std::string> formats[] = {
        {std::regex(R"(^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$)", std::regex::icase),
         Poco::DateTimeFormat::HTTP_FORMAT},
        {std::regex(R"(^[A-Za-z]{6,9}, \d{1,2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} (GMT|UTC)$)", std::regex::icase),
         Poco::DateTimeFormat::RFC850_FORMAT},
        {std::regex(R"(^[A-Za-z]{3} [A-Za-z]{3} [ \d]?\d \d{2}:\d{2}:\d{2} \d{4}$)", std::regex::icase),
         Poco::DateTimeFormat::ASCTIME_FORMAT}};
    for (const auto& [pattern, format] : formats) {
        if (!std::regex_match(text, pattern)) continue;
        Poco::DateTime when;
        int tzd = 0;
        if (!Poco::DateTimeParser::tryParse(format, text, when, tzd)) continue;
        when.makeUTC(tzd);
        const std::int64_t whenMs = when.timestamp().epochMicroseconds() / 1000;
        return std::max<std::int64_t>(whenMs - nowEpochMs, 0);
    }
    return std::nullopt;
}

} // namespace jobhost::host
