// jobhost host — StreamRepository.h
// Append-only stream events, de-duplicated by natural key, with a per-stream
// sequence and consumer positions for later readers (profile builder).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store/StreamFieldsCodec.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include <Poco/Types.h>

namespace jobhost::host {

/// One stored event. `seq` is assigned by append(): 1, 2, 3, ... per stream.
struct StreamEvent {
    std::string stream;
    Poco::Int64 seq = 0;
    std::string naturalKey;       ///< empty: no de-duplication (stored as NULL)
    Poco::Int64 eventTimeMs = 0;
    Poco::Int64 ingestedAtMs = 0;
    std::optional<Poco::Int64> jobId;
    std::optional<Poco::Int64> runId;
    /// The [name, value] pairs in emit order: StreamFieldsCodec's binary
    /// form (or the JSON array text of stores before schema 7; stored as given).
    std::string fields = StreamFieldsCodec::encode({});
};

/// SQL for stream_events, streams (stream name ↔ id), stream_field_names
/// (each stream's field names ↔ the codes stored fields use) and
/// stream_consumers. Events go in and come out with self-contained fields;
/// the coded form never leaves the repository. Works on a session the
/// caller owns (one thread at a time); joins the caller's transaction. Every
/// method throws Poco::Data exceptions on store failure.
class StreamRepository {
public:
    explicit StreamRepository(Poco::Data::Session& session);

    /// Inserts the event with the stream's next sequence number unless an
    /// event with the same (stream, naturalKey) exists. Returns true when
    /// inserted, false when ignored as a duplicate.
    bool append(const StreamEvent& event);
    /// append() for each event, with one statement compiled once, in order;
    /// returns how many were new (the rest had a known natural key).
    std::size_t appendAll(const std::vector<StreamEvent>& events);
    /// Events with seq > afterSeq, ascending, at most `limit`.
    std::vector<StreamEvent> readAfter(const std::string& stream, Poco::Int64 afterSeq, std::size_t limit);
    Poco::Int64 count(const std::string& stream);
    /// Highest seq of the stream; 0 when empty.
    Poco::Int64 headSeq(const std::string& stream);
    /// Natural keys of a stream that occur more than once (always empty
    /// unless the UNIQUE constraint is broken; used by tests and checks).
    std::vector<std::string> duplicateKeys(const std::string& stream);

    /// Last sequence number a consumer has processed; 0 when none.
    Poco::Int64 consumerPosition(const std::string& consumer, const std::string& stream);
    void saveConsumerPosition(const std::string& consumer, const std::string& stream, Poco::Int64 position, Poco::Int64 nowMs);

private:
    std::optional<Poco::Int64> streamId(const std::string& stream);
    Poco::Int64 streamIdCreating(const std::string& stream);
    Poco::Int64 headSeqOf(Poco::Int64 streamId);
    // The stream's field-name dictionary, indexed by code.
    std::vector<std::string> fieldNames(Poco::Int64 streamId);
    // The dictionary after giving every name of `wanted` a code.
    std::vector<std::string> fieldNamesAdding(Poco::Int64 streamId, const std::set<std::string>& wanted);

    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host
