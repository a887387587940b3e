// ProfileBuilder.h — jobhost profiles: stream events → stored profiles, exactly once.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/EventMapper.h"
#include "profiles/IdentityResolver.h"
#include "profiles/ProfileChangeListener.h"
#include "profiles/ProfileRepository.h"
#include "profiles/ProfileStoreCache.h"
#include "store/StreamRepository.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace jobhost::host::profiles {

// The store-backed profile builder: the pipeline of InMemoryProfileBuilder
// (map → resolve identity → merge stitched profiles → apply contributions)
// over the store's stream_events, from a per-stream offset.
//
// Exactly once: each batch (up to Options::batchSize events of one stream)
// runs in one Poco::Data::Transaction that writes the touched profiles, the
// identity keys, the new offset and whatever the listener writes (audience
// memberships, outbox), and commits them together; a crash loses only the
// uncommitted batch, which the next call redoes. Streams are consumed one
// after the other in the order the mappings first mention them, each in
// seq order, so a rebuild replays exactly the same sequence and yields
// identical profiles (and ids).
//
// Speed: a batch maps all its events first, then reads the identity keys,
// their owners' key lists and stored profiles it needs with one bulk
// statement each; resolution and merging then run in memory against a
// ProfileStoreCache that the builder keeps across batches (a profile is
// read from the store once per pass, not once per batch; the cache keeps
// the encoded bytes the batch wrote), and the batch's writes go out
// as bulk statements in the batch's one transaction. The cache is dropped
// whenever another writer committed in between (a generation stamp in
// profile_builder_meta) and after a failed batch, so results are the same
// as reading everything from the store each time. While a batch is
// applied, the next one is read and mapped on a second thread with its own
// session (Options::readAhead): a full batch read there is exactly what the
// batch's own read would return (a stream only grows at its head, and
// every snapshot holds a prefix of its seqs), and it is used only when its
// start is the offset the batch's transaction reads; otherwise the batch
// reads for itself.
//
// Thread-safety: one builder per session and thread (the read-ahead thread
// touches only its own session and the const mapper). Builders of one process
// are serialised by a process-wide mutex; builders of different processes by
// a write to profile_builder_meta as each transaction's first statement
// (SQLite's write lock), so no two ever start from the same offset.
// Failure: store errors propagate as Poco::Data exceptions after the current
// batch has rolled back (the cache is emptied with it); bad event data never
// throws (columns write nothing).
class ProfileBuilder {
public:
    struct Options {
        // Events per transaction. Per-batch costs (the write lock, metadata,
        // statement preparation, the commit) are paid once per batch, so
        // bigger is faster (500 → 5000: about 1.5× the events/s); a batch
        // holds at most this many events and the profiles they touch in
        // memory, and a crash redoes at most one batch.
        std::size_t batchSize = 5000;
        IdentityResolver::Mode mode = IdentityResolver::Mode::Faithful;
        // The processing clock (batch stamps, membership times); default: system time.
        std::function<TimeMs()> clock;
        // Encoded profiles kept between batches (ProfileStoreCache): beyond
        // this many, or beyond profileCacheBytes, the least recently used
        // are evicted at the next commit. A PostUp profile costs about
        // 1.6 KB there, so the default holds ~60,000 profiles (half of a
        // million-event store) in flat memory.
        std::size_t profileCacheSize = 1000000;
        std::size_t profileCacheBytes = std::size_t{96} << 20;
        // Read and map the next batch on a second thread (see above).
        bool readAhead = true;
    };

    struct Stats {
        std::int64_t events = 0;    // stream events read
        std::int64_t applied = 0;   // query results applied to a profile
        std::int64_t dropped = 0;   // query results dropped (WHERE false or no identity key)
        std::int64_t created = 0;   // profiles created
        std::int64_t merged = 0;    // profiles merged into others
        std::int64_t batches = 0;   // transactions committed
        std::int64_t readAhead = 0; // of them, batches whose events were read and mapped ahead
        bool rebuildFinished = false;
    };

    // The session, the mappings and the listener (optional) must outlive the
    // builder.
    ProfileBuilder(Poco::Data::Session& session, std::shared_ptr<const MappingSet> mappings,
                   ProfileChangeListener* listener = nullptr);
    ProfileBuilder(Poco::Data::Session& session, std::shared_ptr<const MappingSet> mappings,
                   ProfileChangeListener* listener, Options options);

    // The streams the mappings read, in the order they are consumed.
    std::vector<std::string> streams() const;

    // Applies every stored event after each stream's offset (incremental:
    // call after each import checkpoint or run). Completes a pending rebuild
    // when all streams are at their head. Returns what it did.
    Stats catchUp();

    // Clears profiles, identities and offsets (one transaction, which also
    // tells the listener), then replays every stream from the start. The
    // mapping fingerprint is recorded. Identical input gives identical
    // profiles.
    Stats rebuild();

    // True when profiles were built with other mappings than these (the
    // recorded fingerprint differs): `jobhost profiles rebuild` is due.
    bool needsRebuild();
    // True while a rebuild has cleared the profiles but not replayed to the
    // head of every stream (also after a crash during a rebuild).
    bool rebuilding();

    // The per-stream offsets (last applied seq).
    std::map<std::string, std::int64_t> positions();

private:
    struct Batch;
    // One stream's events after a position, read and mapped: no profile
    // state is touched, so it can run ahead on another thread.
    struct PreparedEvents {
        bool ok = false;
        std::string stream;
        std::int64_t after = 0;                      // events with seq > after
        std::size_t count = 0;                       // how many were read
        std::int64_t lastSeq = 0;                    // seq of the last one
        std::vector<std::vector<MappingResult>> mapped; // per event, in seq order
    };
    PreparedEvents prepare(Poco::Data::Session& session, const std::string& stream, std::int64_t after) const;
    // prepare() on the read-ahead session (opened on first use). Never
    // throws: a failure gives !ok and the batch reads for itself.
    PreparedEvents prepareAhead(const std::string& stream, std::int64_t after);

    TimeMs now() const;
    std::int64_t processBatch(const std::string& stream, Stats& stats, bool& more);
    // The body of processBatch inside its open transaction.
    std::int64_t processBatchIn(Poco::Data::Transaction& transaction, const std::string& stream, TimeMs at, Stats& stats,
                                bool& more);
    void finishRebuild(Stats& stats);

    Poco::Data::Session& _session;
    std::shared_ptr<const MappingSet> _mappings;
    EventMapper _mapper;
    ProfileChangeListener* _pListener;
    Options _options;
    ProfileRepository _repository;
    ProfileStoreCache _cache;
    // The store's URI, taken on the builder's thread: the read-ahead task
    // opens its own session with it and never touches _session.
    const std::string _readerUri;
    // Owned by the read-ahead task while one runs (at most one at a time).
    std::unique_ptr<Poco::Data::Session> _reader;
    // The next batch being prepared; waited for before the builder goes.
    std::future<PreparedEvents> _ahead;
};

} // namespace jobhost::host::profiles
