// OutboxRepository.cpp — jobhost audiences: SQL for export subscriptions and the durable export outbox.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/OutboxRepository.h"

#include "profiles/JsonText.h"

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>

namespace jobhost::host::audiences {

using namespace Poco::Data::Keywords;

namespace {

std::string fieldsToJson(const std::vector<std::string>& fields)
{
    std::string s = "[";
    for (std::size_t i = 0; i < fields.size(); ++i) s += (i ? ", " : "") + profiles::JsonText::quote(fields[i]);
    return s + "]";
}

std::vector<std::string> fieldsFromJson(const std::string& json)
{
    std::vector<std::string> out;
    Poco::JSON::Parser parser;
    auto array = parser.parse(json).extract<Poco::JSON::Array::Ptr>();
    for (const auto& v : *array) out.push_back(v.convert<std::string>());
    return out;
}

} // namespace

OutboxRepository::OutboxRepository(Poco::Data::Session& session)
    : _session(session), _sql(SqlDialect::of(session))
{
}

void OutboxRepository::saveSubscription(const ExportSubscription& s)
{
    std::string job = s.job, audience = s.audience, fields = fieldsToJson(s.fields);
    int backfill = s.backfill ? 1 : 0;
    Poco::Int64 at = s.startedAt.ms;
    _session << _sql("INSERT INTO export_subscriptions (job, audience, fields_json, backfill, started_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (job) DO UPDATE SET audience = excluded.audience, fields_json = excluded.fields_json, "
                "backfill = excluded.backfill, started_at = excluded.started_at"),
        use(job), use(audience), use(fields), use(backfill), use(at), now;
}

void OutboxRepository::removeSubscription(const std::string& job)
{
    std::string j = job;
    _session << _sql("DELETE FROM export_subscriptions WHERE job = ?"), use(j), now;
}

std::optional<ExportSubscription> OutboxRepository::subscription(const std::string& job)
{
    for (auto& s : subscriptions())
        if (s.job == job) return s;
    return std::nullopt;
}

std::vector<ExportSubscription> OutboxRepository::subscriptions()
{
    std::vector<std::string> jobs, audiences, fields;
    std::vector<int> backfill;
    std::vector<Poco::Int64> started;
    _session << _sql("SELECT job, audience, fields_json, backfill, started_at FROM export_subscriptions ORDER BY job"), into(jobs),
        into(audiences), into(fields), into(backfill), into(started), now;
    std::vector<ExportSubscription> out;
    for (std::size_t i = 0; i < jobs.size(); ++i)
        out.push_back({jobs[i], audiences[i], fieldsFromJson(fields[i]), backfill[i] != 0, lql::TimeMs{started[i]}});
    return out;
}

std::vector<ExportSubscription> OutboxRepository::subscriptionsFor(const std::string& audience)
{
    std::vector<ExportSubscription> out;
    for (auto& s : subscriptions())
        if (s.audience == audience) out.push_back(std::move(s));
    return out;
}

void OutboxRepository::enqueue(const std::string& job, const MembershipChange& change, const std::string& profileJson)
{
    enqueueAll({Entry{job, change, profileJson}});
}

void OutboxRepository::enqueueAll(const std::vector<Entry>& entries)
{
    if (entries.empty()) return;
    std::vector<std::string> j, a, e, json;
    std::vector<Poco::Int64> id, at;
    for (const auto& entry : entries) {
        j.push_back(entry.job);
        a.push_back(entry.change.audience);
        e.push_back(MembershipChange::kindName(entry.change.kind));
        json.push_back(entry.profileJson);
        id.push_back(entry.change.profile);
        at.push_back(entry.change.at.ms);
    }
    _session << _sql("INSERT INTO export_outbox (job, audience, profile_id, event, at, profile_json, state, attempts, available_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
                "ON CONFLICT (job, profile_id) WHERE state = 'pending' DO UPDATE SET "
                "event = CASE WHEN excluded.event = 'update' THEN export_outbox.event ELSE excluded.event END, "
                "at = excluded.at, profile_json = excluded.profile_json, audience = excluded.audience"),
        use(j), use(a), use(id), use(e), use(at), use(json), use(at), use(at), now;
}

void OutboxRepository::sealPending() { _session << _sql("UPDATE export_outbox SET state = 'sealed' WHERE state = 'pending'"), now; }

std::vector<OutboxItem> OutboxRepository::select(const std::string& job, const std::string& where, lql::TimeMs at,
                                                 std::size_t limit)
{
    std::string j = job;
    Poco::Int64 t = at.ms, max = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> ids, pids, ats, attempts, available;
    std::vector<std::string> audiences, events, json, states;
    // `where` is one of the fixed fragments below, never user input.
    _session << _sql(std::string("SELECT id, audience, profile_id, event, at, profile_json, state, attempts, available_at FROM export_outbox o "
                                 "WHERE job = ? AND ") + where + " AND available_at <= ? ORDER BY id LIMIT ?"),
        use(j), use(t), use(max), into(ids), into(audiences), into(pids), into(events), into(ats), into(json), into(states),
        into(attempts), into(available), now;
    std::vector<OutboxItem> out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out.push_back({ids[i], job, audiences[i], pids[i], events[i], lql::TimeMs{ats[i]}, json[i], states[i], attempts[i],
                       lql::TimeMs{available[i]}});
    return out;
}

std::vector<OutboxItem> OutboxRepository::ready(const std::string& job, lql::TimeMs now, std::size_t limit)
{
    // The order guard: a row waits while an older row of its profile is still
    // in the outbox (waiting for a retry, in flight, or simply earlier). Rows
    // of deleted profiles (id 0) share the id and are not ordered.
    return select(job,
                  "state IN ('pending', 'sealed') AND (profile_id = 0 OR NOT EXISTS (SELECT 1 FROM export_outbox older "
                  "WHERE older.job = o.job AND older.profile_id = o.profile_id AND older.id < o.id))",
                  now, limit);
}

std::vector<OutboxItem> OutboxRepository::all(const std::string& job)
{
    return select(job, "1 = 1", lql::TimeMs{INT64_MAX}, 1u << 30);
}

std::int64_t OutboxRepository::waitingCount(const std::string& job)
{
    std::string j = job;
    Poco::Int64 n = 0;
    _session << _sql("SELECT COUNT(*) FROM export_outbox WHERE job = ? AND state IN ('pending', 'sealed')"), use(j), into(n), now;
    return n;
}

std::optional<lql::TimeMs> OutboxRepository::oldestWaiting(const std::string& job)
{
    std::string j = job;
    Poco::Nullable<Poco::Int64> oldest;
    _session << _sql("SELECT MIN(created_at) FROM export_outbox WHERE job = ? AND state IN ('pending', 'sealed')"), use(j),
        into(oldest), now;
    if (oldest.isNull()) return std::nullopt;
    return lql::TimeMs{oldest.value()};
}

void OutboxRepository::markInflight(const std::vector<std::int64_t>& ids)
{
    for (Poco::Int64 id : ids)
        _session << _sql("UPDATE export_outbox SET state = 'inflight', attempts = attempts + 1 WHERE id = ?"), use(id), now;
}

void OutboxRepository::complete(const std::vector<std::int64_t>& ids)
{
    for (Poco::Int64 id : ids) _session << _sql("DELETE FROM export_outbox WHERE id = ?"), use(id), now;
}

void OutboxRepository::retryLater(std::int64_t id, lql::TimeMs availableAt)
{
    Poco::Int64 i = id, at = availableAt.ms;
    _session << _sql("UPDATE export_outbox SET state = 'sealed', available_at = ? WHERE id = ?"), use(at), use(i), now;
}

void OutboxRepository::releaseInflight(const std::string& job)
{
    std::string j = job;
    _session << _sql("UPDATE export_outbox SET state = 'sealed' WHERE job = ? AND state = 'inflight'"), use(j), now;
}

} // namespace jobhost::host::audiences
