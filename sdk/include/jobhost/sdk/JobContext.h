// jobhost SDK — JobContext.h
// What the host gives every plugin call: config, credentials, transport,
// durable state, logger, clock, cancellation. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "jobhost/sdk/HttpTransport.h"
#include "jobhost/sdk/Logger.h"

namespace jobhost::sdk {

/// Decrypted credential fields of the job's authorization, by manifest field
/// name (e.g. "username", "password"). Secret values must never be logged,
/// emitted or put into Outcome messages.
using Credentials = std::map<std::string, std::string>;

/// Base of every context. Owned by the host and valid only during the call it
/// is passed to; a plugin must not keep a pointer or reference to it (or to
/// anything it returns) after the call returns. All methods are thread-safe
/// and never throw.
class JobContext {
public:
    virtual ~JobContext() = default;

    /// The job configuration as a JSON object text, already validated against
    /// the manifest schema with defaults filled in.
    virtual const std::string& configJson() const = 0;
    /// Decrypted credentials of the job's authorization.
    virtual const Credentials& credentials() const = 0;
    /// Name of the host instance (e.g. used to name a created list).
    virtual const std::string& hostName() const = 0;
    /// The transport to use for every remote call.
    virtual HttpTransport& http() = 0;
    virtual Logger& logger() = 0;
    /// Current time in milliseconds since the Unix epoch. Injectable: tests
    /// move it to pin the 24 h and 90 day rules. Use it, not the system clock.
    virtual std::int64_t nowMs() const = 0;
    /// True once the host asks the job to stop (shutdown, cancel). A job
    /// should checkpoint what it has and return Outcome::retry soon after.
    virtual bool cancelled() const = 0;
    /// The plugin state last committed for this job (a plugin-defined text,
    /// usually JSON); empty when none was ever committed.
    virtual std::string loadState() const = 0;
    /// Reports progress; `unit` names what is counted ("recipients", "reports").
    virtual void progress(std::uint64_t done, std::uint64_t total, const std::string& unit) = 0;
};

} // namespace jobhost::sdk
