// ProfileBuilder.cpp — jobhost profiles: stream events → stored profiles, exactly once.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/ProfileBuilder.h"

#include "profiles/ProfileRepository.h"
#include "profiles/SqliteIdentityIndex.h"
#include "profiles/StreamEventFields.h"
#include "store/StreamRepository.h"

#include <Poco/Data/Transaction.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <set>

namespace jobhost::host::profiles {
namespace {

std::mutex& builderMutex()
{
    static std::mutex m;
    return m;
}

const char* const kFingerprint = "mapping_fingerprint";
const char* const kRebuilding = "rebuilding";

} // namespace

// What one batch has touched so far.
struct ProfileBuilder::Batch {
    struct Entry {
        Profile profile;
        std::optional<Profile> before;
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
    ProfileRepository repo(_session);
    auto fp = repo.meta(kFingerprint);
    return fp && *fp != _mappings->fingerprint();
}

bool ProfileBuilder::rebuilding()
{
    ProfileRepository repo(_session);
    auto flag = repo.meta(kRebuilding);
    return flag && *flag == "1";
}

std::map<std::string, std::int64_t> ProfileBuilder::positions()
{
    ProfileRepository repo(_session);
    return repo.positions();
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
        Poco::Data::Transaction transaction(_session);
        ProfileRepository repo(_session);
        repo.lockForWrite(at);
        if (_pListener) _pListener->profilesClearing(_session, at);
        repo.clear();
        repo.setMeta(kRebuilding, "1");
        repo.setMeta(kFingerprint, _mappings->fingerprint());
        transaction.commit();
    }
    return catchUp();
}

void ProfileBuilder::finishRebuild(Stats& stats)
{
    TimeMs at = now();
    Poco::Data::Transaction transaction(_session);
    ProfileRepository repo(_session);
    repo.lockForWrite(at);
    auto flag = repo.meta(kRebuilding);
    if (!flag || *flag != "1") return; // another builder finished it
    if (_pListener) _pListener->rebuildFinished(_session, at);
    repo.setMeta(kRebuilding, "0");
    transaction.commit();
    stats.rebuildFinished = true;
}

std::int64_t ProfileBuilder::processBatch(const std::string& stream, Stats& stats, bool& more)
{
    TimeMs at = now();
    Poco::Data::Transaction transaction(_session);
    ProfileRepository repo(_session);
    repo.lockForWrite(at);
    if (!repo.meta(kFingerprint)) repo.setMeta(kFingerprint, _mappings->fingerprint());
    const bool replaying = [&] {
        auto flag = repo.meta(kRebuilding);
        return flag && *flag == "1";
    }();
    std::int64_t position = repo.position(stream);
    StreamRepository streamEvents(_session);
    auto events = streamEvents.readAfter(stream, position, _options.batchSize);
    more = events.size() == _options.batchSize;
    if (events.empty()) {
        transaction.rollback();
        return 0;
    }

    SqliteIdentityIndex index(repo, at);
    IdentityResolver resolver(index, _options.mode);
    Batch batch;
    auto entry = [&](ProfileId id, bool created) -> Batch::Entry& {
        auto it = batch.live.find(id);
        if (it != batch.live.end()) return it->second;
        Batch::Entry e;
        if (!created) {
            if (auto stored = repo.loadExact(id)) {
                e.profile = *stored;
                e.before = std::move(*stored);
            }
        }
        return batch.live.emplace(id, std::move(e)).first->second;
    };

    for (const auto& event : events) {
        ++stats.events;
        TimeMs eventTime{event.eventTimeMs ? event.eventTimeMs : event.ingestedAtMs};
        auto fields = StreamEventFields::decode(event.fieldsJson);
        for (auto& mapping : _mapper.map(stream, fields, eventTime)) {
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
                } else if (auto stored = repo.loadExact(m)) {
                    target.profile.merge(*stored);
                }
                target.mergedFrom.push_back(m);
                batch.gone.insert(m);
            }
            target.profile.apply(mapping.contributions);
            ++stats.applied;
        }
    }

    std::vector<ProfileChange> changes;
    for (ProfileId id : batch.gone)
        if (!batch.live.count(id)) repo.drop(id, at);
    for (auto& [id, e] : batch.live) {
        repo.save(id, e.profile, at);
        std::sort(e.mergedFrom.begin(), e.mergedFrom.end());
        changes.push_back(ProfileChange{id, std::move(e.before), std::move(e.profile), std::move(e.mergedFrom)});
    }
    if (_pListener && !replaying) _pListener->profilesChanged(_session, changes, at);
    repo.savePosition(stream, events.back().seq, at);
    transaction.commit();
    ++stats.batches;
    return static_cast<std::int64_t>(events.size());
}

} // namespace jobhost::host::profiles
