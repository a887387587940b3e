// jobhost host — AuditRepository.h
// The audit log: one row per configuration change, secrets never included.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include <Poco/Types.h>

namespace jobhost::host {

/// One change. `detail` is JSON naming what changed (field names, old/new
/// non-secret values); callers never put secret values in it.
struct AuditEntry {
    Poco::Int64 id = 0;
    Poco::Int64 at = 0;
    std::string actor;      ///< e.g. "cli:alice"
    std::string action;     ///< e.g. "create", "update"
    std::string objectType; ///< authorization | job | audience
    std::string objectName;
    std::string detail = "{}";
};

/// SQL for audit_log. Append it in the same transaction as the change it
/// describes. Works on a session the caller owns (one thread at a time).
/// Throws Poco::Data exceptions on store failure.
class AuditRepository {
public:
    explicit AuditRepository(Poco::Data::Session& session);

    Poco::Int64 append(const AuditEntry& entry);
    /// Newest first.
    std::vector<AuditEntry> list(std::size_t limit);

private:
    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host
