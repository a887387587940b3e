// jobhost host — StreamRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/StreamRepository.h"

#include <Poco/Data/RecordSet.h>

#include "store/SqlValues.h"

namespace jobhost::host {

using namespace Poco::Data::Keywords;

StreamRepository::StreamRepository(Poco::Data::Session& session) : _session(session) {}

bool StreamRepository::append(const StreamEvent& event) {
    StreamEvent v = event;
    auto naturalKey = sql::nullableText(v.naturalKey);
    auto jobId = sql::nullable(v.jobId);
    auto runId = sql::nullable(v.runId);
    Poco::Data::Statement statement(_session);
    statement << "INSERT INTO stream_events (stream, seq, natural_key, event_time, ingested_at, job_id, run_id, fields_json) "
                 "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stream_events WHERE stream = ?), ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (stream, natural_key) DO NOTHING",
        use(v.stream), use(v.stream), use(naturalKey), use(v.eventTimeMs), use(v.ingestedAtMs), use(jobId), use(runId), use(v.fieldsJson);
    return statement.execute() == 1;
}

std::vector<StreamEvent> StreamRepository::readAfter(const std::string& stream, Poco::Int64 afterSeq, std::size_t limit) {
    std::string s = stream;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    Poco::Data::Statement statement(_session);
    statement << "SELECT stream, seq, natural_key, event_time, ingested_at, job_id, run_id, fields_json FROM stream_events "
                 "WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?",
        use(s), use(afterSeq), use(max);
    statement.execute();
    Poco::Data::RecordSet rows(statement);
    std::vector<StreamEvent> events;
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
        StreamEvent e;
        e.stream = sql::columnText(rows, "stream");
        e.seq = sql::columnInt(rows, "seq");
        e.naturalKey = sql::columnText(rows, "natural_key");
        e.eventTimeMs = sql::columnInt(rows, "event_time");
        e.ingestedAtMs = sql::columnInt(rows, "ingested_at");
        e.jobId = sql::columnOptionalInt(rows, "job_id");
        e.runId = sql::columnOptionalInt(rows, "run_id");
        e.fieldsJson = sql::columnText(rows, "fields_json");
        events.push_back(std::move(e));
    }
    return events;
}

Poco::Int64 StreamRepository::count(const std::string& stream) {
    std::string s = stream;
    Poco::Int64 n = 0;
    _session << "SELECT COUNT(*) FROM stream_events WHERE stream = ?", use(s), into(n), now;
    return n;
}

Poco::Int64 StreamRepository::headSeq(const std::string& stream) {
    std::string s = stream;
    Poco::Nullable<Poco::Int64> head;
    _session << "SELECT MAX(seq) FROM stream_events WHERE stream = ?", use(s), into(head), now;
    return head.isNull() ? 0 : head.value();
}

std::vector<std::string> StreamRepository::duplicateKeys(const std::string& stream) {
    std::string s = stream;
    std::vector<std::string> keys;
    _session << "SELECT natural_key FROM stream_events WHERE stream = ? AND natural_key IS NOT NULL GROUP BY natural_key HAVING COUNT(*) > 1",
        use(s), into(keys), now;
    return keys;
}

Poco::Int64 StreamRepository::consumerPosition(const std::string& consumer, const std::string& stream) {
    std::string c = consumer, s = stream;
    std::vector<Poco::Int64> positions;
    _session << "SELECT position FROM stream_consumers WHERE consumer = ? AND stream = ?", use(c), use(s), into(positions), now;
    return positions.empty() ? 0 : positions.front();
}

void StreamRepository::saveConsumerPosition(const std::string& consumer, const std::string& stream, Poco::Int64 position, Poco::Int64 nowMs) {
    std::string c = consumer, s = stream;
    _session << "INSERT INTO stream_consumers (consumer, stream, position, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (consumer, stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at",
        use(c), use(s), use(position), use(nowMs), now;
}

} // namespace jobhost::host
