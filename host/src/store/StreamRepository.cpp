// jobhost host — StreamRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/StreamRepository.h"

#include "store/SqlValues.h"

#include <map>
#include <set>
#include <unordered_map>

namespace jobhost::host {

using namespace Poco::Data::Keywords;

StreamRepository::StreamRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

std::optional<Poco::Int64> StreamRepository::streamId(const std::string& stream) {
    std::string name = stream;
    std::vector<Poco::Int64> ids;
    _session << _sql("SELECT id FROM streams WHERE name = ?"), use(name), into(ids), now;
    if (ids.empty()) return std::nullopt;
    return ids.front();
}

Poco::Int64 StreamRepository::streamIdCreating(const std::string& stream) {
    if (auto id = streamId(stream)) return *id;
    std::string name = stream;
    _session << _sql("INSERT INTO streams (name) VALUES (?) ON CONFLICT (name) DO NOTHING"), use(name), now; // another writer may be first
    return *streamId(stream);
}

bool StreamRepository::append(const StreamEvent& event) { return appendAll({event}) == 1; }

std::vector<std::string> StreamRepository::fieldNames(Poco::Int64 streamId) {
    std::vector<Poco::Int64> codes;
    std::vector<std::string> names;
    _session << _sql("SELECT code, name FROM stream_field_names WHERE stream_id = ? ORDER BY code"), use(streamId), into(codes), into(names), now;
    std::vector<std::string> byCode(codes.empty() ? 0 : static_cast<std::size_t>(codes.back()) + 1);
    for (std::size_t i = 0; i < codes.size(); ++i) byCode[static_cast<std::size_t>(codes[i])] = std::move(names[i]);
    return byCode;
}

std::vector<std::string> StreamRepository::fieldNamesAdding(Poco::Int64 streamId, const std::set<std::string>& wanted) {
    auto names = fieldNames(streamId);
    std::set<std::string> missing = wanted;
    for (const auto& n : names) missing.erase(n);
    if (missing.empty()) return names;
    // Each code is the next free one, computed by the INSERT itself; the
    // caller holds the stream's lock (appendAll), so concurrent writers
    // cannot give one code two names. The dictionary is read again after.
    for (const auto& name : missing) {
        std::string n = name;
        Poco::Int64 id = streamId;
        _session << _sql("INSERT INTO stream_field_names (stream_id, code, name) "
                    "SELECT ?, COALESCE(MAX(code), -1) + 1, ? FROM stream_field_names WHERE stream_id = ? "
                    "ON CONFLICT DO NOTHING"),
            use(id), use(n), use(id), now;
    }
    return fieldNames(streamId);
}

std::size_t StreamRepository::appendAll(const std::vector<StreamEvent>& events) {
    if (events.empty()) return 0;
    // Streams and the field names their events use (a checkpoint names one or two streams).
    std::map<std::string, Poco::Int64> ids;
    std::map<Poco::Int64, std::set<std::string>> used;
    std::map<Poco::Int64, Poco::Int64> headBefore;
    std::vector<std::optional<StreamFieldsCodec::Fields>> pairs(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& e = events[i];
        auto it = ids.find(e.stream);
        if (it == ids.end()) {
            it = ids.emplace(e.stream, streamIdCreating(e.stream)).first;
            // Appends to one stream take turns until commit: each computes its
            // seqs and field codes as MAX + 1 (SQLite's one writer already
            // excludes the others; on PostgreSQL the stream's row lock does).
            Poco::Int64 id = it->second, locked = 0;
            _session << _sql(std::string("SELECT id FROM streams WHERE id = ?") + _sql.lockRow()), use(id), into(locked), now;
            headBefore[id] = headSeqOf(id);
        }
        StreamFieldsCodec::Fields fields;
        // Only the self-contained form is coded; JSON text and damaged bytes are stored as given.
        if (StreamFieldsCodec::decode(e.fields, fields)) {
            for (const auto& [name, value] : fields) used[it->second].insert(name);
            pairs[i] = std::move(fields);
        }
    }
    std::map<Poco::Int64, std::unordered_map<std::string, std::uint64_t>> codes;
    for (const auto& [streamId, names] : used) {
        auto dictionary = fieldNamesAdding(streamId, names);
        auto& byName = codes[streamId];
        for (std::size_t code = 0; code < dictionary.size(); ++code)
            if (!dictionary[code].empty()) byName.emplace(dictionary[code], code);
    }

    std::vector<Poco::Int64> streamIds, eventTimes, ingestedAts;
    std::vector<Poco::Nullable<std::string>> naturalKeys;
    std::vector<Poco::Nullable<Poco::Int64>> jobIds, runIds;
    std::vector<Poco::Data::BLOB> fields;
    streamIds.reserve(events.size());
    fields.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& e = events[i];
        const Poco::Int64 streamId = ids[e.stream];
        streamIds.push_back(streamId);
        naturalKeys.push_back(sql::nullableText(e.naturalKey));
        eventTimes.push_back(e.eventTimeMs);
        ingestedAts.push_back(e.ingestedAtMs);
        jobIds.push_back(sql::nullable(e.jobId));
        runIds.push_back(sql::nullable(e.runId));
        if (pairs[i]) {
            const auto& byName = codes[streamId];
            fields.push_back(sql::blob(StreamFieldsCodec::encodeCoded(*pairs[i], [&](const std::string& name) { return byName.at(name); })));
        } else {
            fields.push_back(sql::blob(e.fields));
        }
    }
    // One statement compiled once and run per event, in order; a duplicate
    // natural key inserts nothing (and takes no seq).
    Poco::Data::Statement statement(_session);
    statement << _sql("INSERT INTO stream_events (stream_id, seq, natural_key, event_time, ingested_at, job_id, run_id, fields) "
                 "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stream_events WHERE stream_id = ?), ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (stream_id, natural_key) DO NOTHING"),
        use(streamIds), use(streamIds), use(naturalKeys), use(eventTimes), use(ingestedAts), use(jobIds), use(runIds), use(fields);
    statement.execute();
    // Rows inserted: each takes the next seq of its stream (execute()'s count
    // is one per statement on PostgreSQL's connector, not one per row).
    std::size_t inserted = 0;
    for (const auto& [id, before] : headBefore) inserted += static_cast<std::size_t>(headSeqOf(id) - before);
    return inserted;
}

std::vector<StreamEvent> StreamRepository::readAfter(const std::string& stream, Poco::Int64 afterSeq, std::size_t limit) {
    auto id = streamId(stream);
    if (!id) return {};
    Poco::Int64 streamKey = *id;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> seqs, eventTimes, ingestedAts;
    std::vector<Poco::Nullable<std::string>> naturalKeys;
    std::vector<Poco::Nullable<Poco::Int64>> jobIds, runIds;
    std::vector<Poco::Data::BLOB> fields;
    _session << _sql("SELECT seq, natural_key, event_time, ingested_at, job_id, run_id, fields FROM stream_events "
                "WHERE stream_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
        use(streamKey), use(afterSeq), use(max), into(seqs), into(naturalKeys), into(eventTimes), into(ingestedAts), into(jobIds),
        into(runIds), into(fields), now;
    const auto names = seqs.empty() ? std::vector<std::string>() : fieldNames(streamKey);
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
        std::string stored = sql::bytes(fields[i]);
        if (StreamFieldsCodec::isCoded(stored)) StreamFieldsCodec::expandCoded(stored, names, e.fields); // damage: the pairs before it
        else e.fields = std::move(stored);
    }
    return events;
}

Poco::Int64 StreamRepository::count(const std::string& stream) {
    auto id = streamId(stream);
    if (!id) return 0;
    Poco::Int64 streamKey = *id, n = 0;
    _session << _sql("SELECT COUNT(*) FROM stream_events WHERE stream_id = ?"), use(streamKey), into(n), now;
    return n;
}

Poco::Int64 StreamRepository::headSeq(const std::string& stream) {
    auto id = streamId(stream);
    return id ? headSeqOf(*id) : 0;
}

Poco::Int64 StreamRepository::headSeqOf(Poco::Int64 streamId) {
    Poco::Int64 streamKey = streamId;
    Poco::Nullable<Poco::Int64> head;
    _session << _sql("SELECT MAX(seq) FROM stream_events WHERE stream_id = ?"), use(streamKey), into(head), now;
    return head.isNull() ? 0 : head.value();
}

std::vector<std::string> StreamRepository::duplicateKeys(const std::string& stream) {
    auto id = streamId(stream);
    if (!id) return {};
    Poco::Int64 streamKey = *id;
    std::vector<std::string> keys;
    _session << _sql("SELECT natural_key FROM stream_events WHERE stream_id = ? AND natural_key IS NOT NULL GROUP BY natural_key HAVING COUNT(*) > 1"),
        use(streamKey), into(keys), now;
    return keys;
}

Poco::Int64 StreamRepository::consumerPosition(const std::string& consumer, const std::string& stream) {
    std::string c = consumer, s = stream;
    std::vector<Poco::Int64> positions;
    _session << _sql("SELECT position FROM stream_consumers WHERE consumer = ? AND stream = ?"), use(c), use(s), into(positions), now;
    return positions.empty() ? 0 : positions.front();
}

void StreamRepository::saveConsumerPosition(const std::string& consumer, const std::string& stream, Poco::Int64 position, Poco::Int64 nowMs) {
    std::string c = consumer, s = stream;
    _session << _sql("INSERT INTO stream_consumers (consumer, stream, position, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (consumer, stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at"),
        use(c), use(s), use(position), use(nowMs), now;
}

} // namespace jobhost::host
