// jobhost host — DeadLetterRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "exports/DeadLetterRepository.h"

#include <Poco/Data/Statement.h>

namespace jobhost::host::exports {

using namespace Poco::Data::Keywords;

DeadLetterRepository::DeadLetterRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

std::int64_t DeadLetterRepository::add(const audiences::OutboxItem& item, const std::string& reason, std::int64_t nowMs) {
    std::string job = item.job, audience = item.audience, event = item.event, json = item.profileJson, why = reason;
    Poco::Int64 outboxId = item.id, profile = item.profile, at = item.at.ms, attempts = item.attempts, now = nowMs;
    Poco::Int64 id = 0;
    _session << _sql("INSERT INTO export_dead_letters (job, outbox_id, audience, profile_id, event, at, profile_json, reason, attempts, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        use(job), use(outboxId), use(audience), use(profile), use(event), use(at), use(json), use(why), use(attempts), use(now),
        into(id), Poco::Data::Keywords::now;
    return id;
}

std::vector<DeadLetter> DeadLetterRepository::list(const std::string& job, std::size_t limit) {
    std::string j = job;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> ids, outboxIds, profiles, ats, attempts, created;
    std::vector<std::string> jobs, audiences, events, json, reasons;
    _session << _sql("SELECT id, job, outbox_id, audience, profile_id, event, at, profile_json, reason, attempts, created_at "
                "FROM export_dead_letters WHERE (? = '' OR job = ?) ORDER BY id LIMIT ?"),
        use(j), use(j), use(max), into(ids), into(jobs), into(outboxIds), into(audiences), into(profiles), into(events), into(ats),
        into(json), into(reasons), into(attempts), into(created), now;
    std::vector<DeadLetter> out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out.push_back({ids[i], jobs[i], outboxIds[i], audiences[i], profiles[i], events[i], ats[i], json[i], reasons[i], attempts[i], created[i]});
    return out;
}

std::optional<DeadLetter> DeadLetterRepository::find(std::int64_t id) {
    Poco::Int64 key = id;
    std::vector<Poco::Int64> ids, outboxIds, profiles, ats, attempts, created;
    std::vector<std::string> jobs, audiences, events, json, reasons;
    _session << _sql("SELECT id, job, outbox_id, audience, profile_id, event, at, profile_json, reason, attempts, created_at "
                "FROM export_dead_letters WHERE id = ?"),
        use(key), into(ids), into(jobs), into(outboxIds), into(audiences), into(profiles), into(events), into(ats), into(json),
        into(reasons), into(attempts), into(created), now;
    if (ids.empty()) return std::nullopt;
    return DeadLetter{ids[0], jobs[0], outboxIds[0], audiences[0], profiles[0], events[0], ats[0], json[0], reasons[0], attempts[0], created[0]};
}

std::int64_t DeadLetterRepository::count(const std::string& job) {
    std::string j = job;
    Poco::Int64 n = 0;
    _session << _sql("SELECT COUNT(*) FROM export_dead_letters WHERE (? = '' OR job = ?)"), use(j), use(j), into(n), now;
    return n;
}

void DeadLetterRepository::remove(std::int64_t id) {
    Poco::Int64 key = id;
    _session << _sql("DELETE FROM export_dead_letters WHERE id = ?"), use(key), now;
}

} // namespace jobhost::host::exports
