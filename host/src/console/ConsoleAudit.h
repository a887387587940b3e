// jobhost host — ConsoleAudit.h
// Builds the audit row of a console mutation.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>

namespace jobhost::host {

/// Appends one audit_log row on `session`; call it inside the transaction
/// of the change it describes so both commit or neither does (goal G15).
/// `before`/`after` are the object's non-secret views (null when absent);
/// callers must never pass secret values — secret fields appear only as
/// names in `changed`. Throws Poco::Data exceptions on store failure.
class ConsoleAudit {
public:
    static void record(Poco::Data::Session& session, const std::string& actor, const std::string& action,
                       const std::string& objectType, const std::string& objectName, const std::vector<std::string>& changed,
                       const Poco::JSON::Object::Ptr& before, const Poco::JSON::Object::Ptr& after);
    /// Milliseconds since the Unix epoch (the store's time unit).
    static Poco::Int64 nowMs();
};

} // namespace jobhost::host
