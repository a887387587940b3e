// jobhost SDK — Outcome.h
// The value a job call returns: Ok, Retry or Fail. Plugins classify; the
// host decides consequences. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace jobhost::sdk {

/// What happened to a job call.
enum class OutcomeStatus : std::uint8_t {
    Ok,    ///< finished; the host records success
    Retry, ///< transient problem; the host reschedules with backoff and resumes at the last checkpoint
    Fail,  ///< permanent problem; the host ends the run and records the classification
};

/// Why a Fail happened; drives the message the operator sees.
enum class FailureClass : std::uint8_t {
    None,   ///< only for Ok/Retry
    Auth,   ///< credentials rejected or a privilege is missing
    Config, ///< the job configuration is wrong (unknown list, bad field mapping, ...)
    Remote, ///< the remote API refused or broke in a way retries will not fix
    Data,   ///< the data cannot be processed
};

/// Result of ImportJob::run and ExportJob::prepare/deliver. A small value type
/// made of standard types only; copying it across the boundary is safe.
struct Outcome {
    OutcomeStatus status = OutcomeStatus::Ok;
    FailureClass failure = FailureClass::None;
    std::string message;                      ///< human text; must not contain secrets
    std::optional<std::int64_t> retryAfterMs; ///< Retry only: lower bound for the next attempt delay

    static Outcome ok() { return {}; }
    static Outcome retry(std::string message, std::optional<std::int64_t> retryAfterMs = std::nullopt) {
        return {OutcomeStatus::Retry, FailureClass::None, std::move(message), retryAfterMs};
    }
    static Outcome fail(FailureClass failure, std::string message) {
        return {OutcomeStatus::Fail, failure, std::move(message), std::nullopt};
    }
    bool isOk() const { return status == OutcomeStatus::Ok; }
};

} // namespace jobhost::sdk
