// jobhost host — AuditRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/AuditRepository.h"

namespace jobhost::host {

using namespace Poco::Data::Keywords;

AuditRepository::AuditRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

Poco::Int64 AuditRepository::append(const AuditEntry& entry) {
    AuditEntry v = entry;
    Poco::Int64 id = 0;
    _session << _sql("INSERT INTO audit_log (at, actor, action, object_type, object_name, detail) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"), use(v.at), use(v.actor),
        use(v.action), use(v.objectType), use(v.objectName), use(v.detail), into(id), now;
    return id;
}

std::vector<AuditEntry> AuditRepository::list(std::size_t limit) {
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> ids, at;
    std::vector<std::string> actors, actions, types, names, details;
    _session << _sql("SELECT id, at, actor, action, object_type, object_name, detail FROM audit_log ORDER BY id DESC LIMIT ?"), use(max), into(ids),
        into(at), into(actors), into(actions), into(types), into(names), into(details), now;
    std::vector<AuditEntry> entries;
    for (std::size_t i = 0; i < ids.size(); ++i) entries.push_back({ids[i], at[i], actors[i], actions[i], types[i], names[i], details[i]});
    return entries;
}

} // namespace jobhost::host
