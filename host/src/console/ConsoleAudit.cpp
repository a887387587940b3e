// jobhost host — ConsoleAudit.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/ConsoleAudit.h"

#include <Poco/JSON/Array.h>
#include <Poco/Timestamp.h>

#include "store/AuditRepository.h"
#include "util/JsonDocument.h"

namespace jobhost::host {

Poco::Int64 ConsoleAudit::nowMs() { return Poco::Timestamp().epochMicroseconds() / 1000; }

void ConsoleAudit::record(Poco::Data::Session& session, const std::string& actor, const std::string& action,
                          const std::string& objectType, const std::string& objectName, const std::vector<std::string>& changed,
                          const Poco::JSON::Object::Ptr& before, const Poco::JSON::Object::Ptr& after) {
    Poco::JSON::Object::Ptr detail = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array::Ptr names = new Poco::JSON::Array;
    for (const auto& c : changed) names->add(c);
    detail->set("changed", names);
    detail->set("via", "console");
    if (before) detail->set("before", before);
    if (after) detail->set("after", after);
    AuditEntry entry;
    entry.at = nowMs();
    entry.actor = actor;
    entry.action = action;
    entry.objectType = objectType;
    entry.objectName = objectName;
    entry.detail = JsonDocument::stringify(detail);
    AuditRepository(session).append(entry);
}

} // namespace jobhost::host
