// ProfileBuilder.h — jobhost profiles: stream events → stored profiles, exactly once.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/EventMapper.h"
#include "profiles/IdentityResolver.h"
#include "profiles/ProfileChangeListener.h"
#include "profiles/ProfileRepository.h"
#include "profiles/ProfileStoreCache.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Transaction.h>

#include <cstdint>
#include <functional>
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
// parsed once per pass, not once per batch), and the batch's writes go out
// as bulk statements in the batch's one transaction. The cache is dropped
// whenever another writer committed in between (a generation stamp in
// profile_builder_meta) and after a failed batch, so results are the same
// as reading everything from the store each time.
//
// Thread-safety: one builder per session and thread. Builders of one process
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
        // Parsed profiles kept between batches (ProfileStoreCache); beyond
        // this many the least recently used are evicted at the next commit.
        // A PostUp profile takes about 5 KB, so the default costs up to ~250 MB.
        std::size_t profileCacheSize = 50000;
    };

    struct Stats {
        std::int64_t events = 0;    // stream events read
        std::int64_t applied = 0;   // query results applied to a profile
        std::int64_t dropped = 0;   // query results dropped (WHERE false or no identity key)
        std::int64_t created = 0;   // profiles created
        std::int64_t merged = 0;    // profiles merged into others
        std::int64_t batches = 0;   // transactions committed
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
};

} // namespace jobhost::host::profiles
