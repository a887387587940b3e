// ProfileBuilder.cpp — jobhost profiles: stream events → stored profiles, exactly once.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileBuilder.h"

#include "store/SqlDialect.h"

#include "profiles/CachedIdentityIndex.h"
#include "profiles/ProfileCodec.h"
#include "profiles/StreamEventFields.h"
#include "store/StreamRepository.h"

#include <Poco/Data/Transaction.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>

namespace jobhost::host::profiles {
namespace {

std::mutex& builderMutex()
{
    static std::mutex m;
    return m;
}

const char* const kFingerprint = "mapping_fingerprint";
const char* const kRebuilding = "rebuilding";
// Bumped by every transaction that changes profiles (ProfileStoreCache validity).
const char* const kGeneration = "generation";

std::string nextGeneration(const std::map<std::string, std::string>& meta)
{
    auto it = meta.find(kGeneration);
    long long current = 0;
    if (it != meta.end()) {
        try {
            current = std::stoll(it->second);
        } catch (const std::exception&) {
            current = 0; // not ours: start a new sequence (any change invalidates caches)
        }
    }
    return std::to_string(current + 1);
}

} // namespace

// What one batch has touched so far.
struct ProfileBuilder::Batch {
    struct Entry {
        Profile profile;
        std::shared_ptr<const Profile> before; // the watched fields of the committed state
        std::vector<ProfileId> mergedFrom;
    };
    std::map<ProfileId, Entry> live;
    std::set<ProfileId> gone;
};

ProfileBuilder::ProfileBuilder(Poco::Data::Session& session, std::shared_ptr<const MappingSet> mappings,
                               ProfileChangeListener* listener)
    : ProfileBuilder(session, std::move(mappings), listener, Options{})
{
}

ProfileBuilder::ProfileBuilder(Poco::Data::Session& session, std::shared_ptr<const MappingSet> mappings,
                               ProfileChangeListener* listener, Options options)
    : _session(session)
    , _mappings(mappings)
    , _mapper(std::move(mappings))
    , _pListener(listener)
    , _options(std::move(options))
    , _repository(session)
    , _cache(_options.profileCacheSize, _options.profileCacheBytes)
    , _readerUri(session.uri())
{
    if (_options.batchSize == 0) _options.batchSize = 1;
}

TimeMs ProfileBuilder::now() const
{
    if (_options.clock) return _options.clock();
    return TimeMs{std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count()};
}

std::vector<std::string> ProfileBuilder::streams() const
{
    std::vector<std::string> out;
    for (const auto& q : _mappings->queries())
        if (std::find(out.begin(), out.end(), q.stream) == out.end()) out.push_back(q.stream);
    return out;
}

bool ProfileBuilder::needsRebuild()
{
    auto fp = _repository.meta(kFingerprint);
    return fp && *fp != _mappings->fingerprint();
}

bool ProfileBuilder::rebuilding()
{
    auto flag = _repository.meta(kRebuilding);
    return flag && *flag == "1";
}

std::map<std::string, std::int64_t> ProfileBuilder::positions()
{
    return _repository.positions();
}

ProfileBuilder::Stats ProfileBuilder::catchUp()
{
    std::lock_guard<std::mutex> lock(builderMutex());
    Stats stats;
    for (const auto& stream : streams()) {
        bool more = true;
        while (more) processBatch(stream, stats, more);
    }
    if (rebuilding()) finishRebuild(stats);
    return stats;
}

ProfileBuilder::Stats ProfileBuilder::rebuild()
{
    {
        std::lock_guard<std::mutex> lock(builderMutex());
        TimeMs at = now();
        _cache.clear();
        Poco::Data::Transaction transaction(_session);
        ProfileRepository& repo = _repository;
        repo.lockForWrite(at);
        if (_pListener) _pListener->profilesClearing(_session, at);
        repo.clear();
        repo.setMeta(kRebuilding, "1");
        repo.setMeta(kFingerprint, _mappings->fingerprint());
        repo.setMeta(kGeneration, nextGeneration(repo.metaAll()));
        transaction.commit();
    }
    return catchUp();
}

void ProfileBuilder::finishRebuild(Stats& stats)
{
    TimeMs at = now();
    Poco::Data::Transaction transaction(_session);
    ProfileRepository& repo = _repository;
    repo.lockForWrite(at);
    auto flag = repo.meta(kRebuilding);
    if (!flag || *flag != "1") return; // another builder finished it
    // The reconciliation reads every profile and carried membership: it gets
    // the cache's memory (the next pass reads what it needs again).
    _cache.clear();
    if (_pListener) _pListener->rebuildFinished(_session, at);
    repo.setMeta(kRebuilding, "0");
    transaction.commit();
    stats.rebuildFinished = true;
}

std::int64_t ProfileBuilder::processBatch(const std::string& stream, Stats& stats, bool& more)
{
    TimeMs at = now();
    Poco::Data::Transaction transaction(_session);
    try {
        return processBatchIn(transaction, stream, at, stats, more);
    } catch (...) {
        _cache.clear(); // it may hold identity changes the rollback undid
        throw;
    }
}

std::int64_t ProfileBuilder::processBatchIn(Poco::Data::Transaction& transaction, const std::string& stream, TimeMs at,
                                            Stats& stats, bool& more)
{
    ProfileRepository& repo = _repository;
    repo.lockForWrite(at);
    const auto meta = repo.metaAll();
    if (!meta.count(kFingerprint)) repo.setMeta(kFingerprint, _mappings->fingerprint());
    const bool replaying = [&] {
        auto flag = meta.find(kRebuilding);
        return flag != meta.end() && flag->second == "1";
    }();
    {
        auto generation = meta.find(kGeneration);
        _cache.validate(generation == meta.end() ? std::string() : generation->second);
    }
    std::int64_t position = repo.position(stream);
    // The events, read and mapped ahead when that read is this batch's.
    PreparedEvents prepared;
    if (_ahead.valid()) {
        PreparedEvents ahead = _ahead.get();
        if (ahead.ok && ahead.stream == stream && ahead.after == position && ahead.count == _options.batchSize)
            prepared = std::move(ahead);
    }
    const bool wasReadAhead = prepared.ok;
    if (!prepared.ok) prepared = prepare(_session, stream, position);
    more = prepared.count == _options.batchSize;
    if (prepared.count == 0) {
        transaction.rollback();
        return 0;
    }
    if (more && _options.readAhead) {
        try {
            _ahead = std::async(std::launch::async, &ProfileBuilder::prepareAhead, this, stream, prepared.lastSeq);
        } catch (const std::system_error&) {
            // no thread to spare: the next batch reads for itself
        }
    }

    // Every event was mapped first (pure), so the batch's identity keys and
    // the profiles owning them can be read with one bulk statement each.
    std::vector<std::vector<MappingResult>>& mapped = prepared.mapped;
    std::vector<IdentityKey> keys;
    for (const auto& results : mapped)
        for (const auto& mapping : results)
            if (!mapping.dropped()) keys.insert(keys.end(), mapping.keys.begin(), mapping.keys.end());
    CachedIdentityIndex index(repo, _cache, at);
    index.prefetch(keys);
    {
        std::set<ProfileId> missing;
        for (const auto& k : keys) {
            auto owner = _cache.owner(k);
            if (owner && *owner && !_cache.encoded(**owner)) missing.insert(**owner);
        }
        for (auto& [id, bytes] : repo.loadExactEncoded({missing.begin(), missing.end()}))
            _cache.setEncoded(id, std::move(bytes));
    }
    const bool notify = _pListener && !replaying;
    const std::vector<std::string> watched = notify ? _pListener->watchedFields(_session) : std::vector<std::string>{};

    IdentityResolver resolver(index, _options.mode);
    Batch batch;
    // The entry of id in this batch; its profile starts as the committed one
    // stored under exactly id (from the cache, else the store).
    auto entry = [&](ProfileId id, bool created) -> Batch::Entry& {
        auto it = batch.live.find(id);
        if (it != batch.live.end()) return it->second;
        Batch::Entry e;
        if (!created) {
            bool found = true;
            if (const std::string* bytes = _cache.encoded(id)) {
                e.profile = ProfileCodec::decode(*bytes);
            } else if (auto s = repo.loadExact(id)) {
                e.profile = std::move(*s);
            } else {
                found = false;
            }
            if (found && notify) e.before = std::make_shared<const Profile>(e.profile.selectFields(watched));
        }
        return batch.live.emplace(id, std::move(e)).first->second;
    };

    for (auto& results : mapped) {
        ++stats.events;
        for (auto& mapping : results) {
            if (mapping.dropped()) {
                ++stats.dropped;
                continue;
            }
            auto r = resolver.resolve(mapping);
            if (r.created) ++stats.created;
            Batch::Entry& target = entry(r.profile, r.created);
            for (ProfileId m : r.merged) {
                ++stats.merged;
                auto it = batch.live.find(m);
                if (it != batch.live.end()) {
                    target.profile.merge(it->second.profile);
                    target.mergedFrom.insert(target.mergedFrom.end(), it->second.mergedFrom.begin(),
                                             it->second.mergedFrom.end());
                    batch.live.erase(it);
                } else if (const std::string* bytes = _cache.encoded(m)) {
                    target.profile.merge(ProfileCodec::decode(*bytes));
                } else if (auto s = repo.loadExact(m)) {
                    target.profile.merge(*s);
                }
                target.mergedFrom.push_back(m);
                batch.gone.insert(m);
            }
            target.profile.apply(mapping.contributions);
            ++stats.applied;
        }
    }

    // Write the batch: new rows and keys, dropped and changed profiles (bulk).
    index.flush();
    std::vector<ProfileId> dropped;
    for (ProfileId id : batch.gone)
        if (!batch.live.count(id)) dropped.push_back(id);
    repo.drop(dropped, at);
    std::vector<ProfileId> savedIds;
    std::vector<std::string> savedBytes;
    std::vector<ProfileChange> changes;
    savedIds.reserve(batch.live.size());
    savedBytes.reserve(batch.live.size());
    changes.reserve(batch.live.size());
    for (auto& [id, e] : batch.live) {
        savedIds.push_back(id);
        savedBytes.push_back(ProfileCodec::encode(e.profile));
        std::sort(e.mergedFrom.begin(), e.mergedFrom.end());
        changes.push_back(ProfileChange{id, std::move(e.before), std::move(e.profile), std::move(e.mergedFrom)});
    }
    repo.saveEncoded(savedIds, savedBytes, at);
    if (notify) _pListener->profilesChanged(_session, changes, at);
    repo.savePosition(stream, prepared.lastSeq, at);
    const std::string generation = nextGeneration(meta);
    repo.setMeta(kGeneration, generation);
    transaction.commit();
    ++stats.batches;
    if (wasReadAhead) ++stats.readAhead;

    // The store now holds the batch: so does the cache.
    for (ProfileId id : batch.gone) _cache.forgetProfile(id);
    for (std::size_t i = 0; i < savedIds.size(); ++i) _cache.setEncoded(savedIds[i], std::move(savedBytes[i]));
    _cache.committed(generation);
    return static_cast<std::int64_t>(prepared.count);
}

ProfileBuilder::PreparedEvents ProfileBuilder::prepare(Poco::Data::Session& session, const std::string& stream,
                                                       std::int64_t after) const
{
    PreparedEvents out;
    out.stream = stream;
    out.after = after;
    auto events = StreamRepository(session).readAfter(stream, after, _options.batchSize);
    out.count = events.size();
    if (!events.empty()) out.lastSeq = events.back().seq;
    out.mapped.reserve(events.size());
    for (auto& event : events) {
        TimeMs eventTime{event.eventTimeMs ? event.eventTimeMs : event.ingestedAtMs};
        out.mapped.push_back(_mapper.map(stream, StreamEventFields::decode(event.fields), eventTime));
        std::string().swap(event.fields); // read once: give the memory back as we go
    }
    out.ok = true;
    return out;
}

ProfileBuilder::PreparedEvents ProfileBuilder::prepareAhead(const std::string& stream, std::int64_t after)
{
    try {
        if (!_reader) {
            _reader = std::make_unique<Poco::Data::Session>(_readerUri);
            if (!SqlDialect::of(*_reader).isPostgres()) *_reader << "PRAGMA busy_timeout = 5000", Poco::Data::Keywords::now;
        }
        return prepare(*_reader, stream, after);
    } catch (...) {
        _reader.reset(); // reopened next time; this batch reads for itself
        return PreparedEvents{};
    }
}

} // namespace jobhost::host::profiles
