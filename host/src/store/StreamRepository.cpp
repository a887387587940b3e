// jobhost host — StreamRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/StreamRepository.h"

#include <Poco/Data/RecordSet.h>

#include "store/SqlValues.h"

namespace jobhost::host {

using namespace Poco::Data::Keywords;

StreamRepository::StreamRepository(Poco::Data::Session& session) : _session(session) {}

bool StreamRepository::append(const StreamEvent& event) { return appendAll({event}) == 1; }

std::size_t StreamRepository::appendAll(const std::vector<StreamEvent>& events) {
    if (events.empty()) return 0;
    std::vector<std::string> streams, fields;
    std::vector<Poco::Nullable<std::string>> naturalKeys;
    std::vector<Poco::Int64> eventTimes, ingestedAts;
    std::vector<Poco::Nullable<Poco::Int64>> jobIds, runIds;
    for (const auto& e : events) {
        streams.push_back(e.stream);
        naturalKeys.push_back(sql::nullableText(e.naturalKey));
        eventTimes.push_back(e.eventTimeMs);
        ingestedAts.push_back(e.ingestedAtMs);
        jobIds.push_back(sql::nullable(e.jobId));
        runIds.push_back(sql::nullable(e.runId));
        fields.push_back(e.fieldsJson);
    }
    // One statement compiled once and run per event, in order; a duplicate
    // natural key inserts nothing (and takes no seq).
    Poco::Data::Statement statement(_session);
    statement << "INSERT INTO stream_events (stream, seq, natural_key, event_time, ingested_at, job_id, run_id, fields_json) "
                 "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stream_events WHERE stream = ?), ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (stream, natural_key) DO NOTHING",
        use(streams), use(streams), use(naturalKeys), use(eventTimes), use(ingestedAts), use(jobIds), use(runIds), use(fields);
    return statement.execute();
}

std::vector<StreamEvent> StreamRepository::readAfter(const std::string& stream, Poco::Int64 afterSeq, std::size_t limit) {
    std::string s = stream;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> seqs, eventTimes, ingestedAts;
    std::vector<Poco::Nullable<std::string>> naturalKeys;
    std::vector<Poco::Nullable<Poco::Int64>> jobIds, runIds;
    std::vector<std::string> fields;
    _session << "SELECT seq, natural_key, event_time, ingested_at, job_id, run_id, fields_json FROM stream_events "
                "WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?",
        use(s), use(afterSeq), use(max), into(seqs), into(naturalKeys), into(eventTimes), into(ingestedAts), into(jobIds),
        into(runIds), into(fields), now;
    std::vector<StreamEvent> events(seqs.size());
    for (std::size_t i = 0; i < seqs.size(); ++i) {
        StreamEvent& e = events[i];
        e.stream = stream;
        e.seq = seqs[i];
        e.naturalKey = sql::text(naturalKeys[i]);
        e.eventTimeMs = eventTimes[i];
        e.ingestedAtMs = ingestedAts[i];
        if (!jobIds[i].isNull()) e.jobId = jobIds[i].value();
        if (!runIds[i].isNull()) e.runId = runIds[i].value();
        e.fieldsJson = std::move(fields[i]);
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
