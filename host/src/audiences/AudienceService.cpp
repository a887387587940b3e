// AudienceService.cpp — jobhost audiences: keeps memberships, their events and the export outbox in step with profiles.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/AudienceService.h"

#include "audiences/MembershipRepository.h"
#include "profiles/JsonText.h"
#include "lql/LqlException.h"
#include "profiles/ProfileRepository.h"
#include "store/AudienceDefinitionRepository.h"

#include <Poco/Data/Transaction.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <map>
#include <set>

namespace jobhost::host::audiences {

using profiles::Profile;
using profiles::ProfileId;
using lql::TimeMs;

namespace {

std::string keysJson(const std::vector<std::pair<std::string, std::string>>& keys)
{
    std::string s = "{";
    for (std::size_t i = 0; i < keys.size(); ++i)
        s += (i ? ", " : "") + profiles::JsonText::quote(keys[i].first) + ": " + profiles::JsonText::quote(keys[i].second);
    return s + "}";
}

} // namespace

void AudienceService::Stats::add(const Stats& o)
{
    enters += o.enters;
    exits += o.exits;
    updates += o.updates;
    evaluated += o.evaluated;
    audiences += o.audiences;
}

AudienceService::AudienceService(Poco::Data::Session& session)
    : _session(session)
{
    reload();
}

AudienceService::AudienceService(Poco::Data::Session& session, MembershipEngine engine)
    : _session(session)
    , _engine(std::move(engine))
    , _fixedEngine(true)
{
}

void AudienceService::reload()
{
    if (_fixedEngine) return;
    _errors.clear();
    std::vector<Audience> audiences;
    for (const auto& d : AudienceDefinitionRepository(_session).list()) {
        try {
            audiences.push_back(Audience::compile(d.slug, d.name, d.filter));
        } catch (const lql::LqlException& e) {
            _errors.push_back(e.message());
        }
    }
    _engine = MembershipEngine(std::move(audiences));
}

void AudienceService::enqueueAll(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                                 const std::string& profileJson)
{
    std::vector<OutboxRepository::Entry> queued;
    queueFor(subscriptions, change, profileJson, queued);
    OutboxRepository(_session).enqueueAll(queued);
}

void AudienceService::enqueueAll(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                                 const profiles::Profile& profile)
{
    std::vector<OutboxRepository::Entry> queued;
    queueFor(subscriptions, change, profile, queued);
    OutboxRepository(_session).enqueueAll(queued);
}

void AudienceService::queueFor(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                               const std::string& profileJson, std::vector<OutboxRepository::Entry>& queued)
{
    for (const auto& s : subscriptions)
        if (s.audience == change.audience) queued.push_back({s.job, change, profileJson});
}

void AudienceService::queueFor(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                               const profiles::Profile& profile, std::vector<OutboxRepository::Entry>& queued)
{
    for (const auto& s : subscriptions)
        if (s.audience == change.audience) queued.push_back({s.job, change, snapshotFor(s, profile)});
}

std::string AudienceService::snapshotFor(const ExportSubscription& subscription, const profiles::Profile& profile)
{
    return subscription.fields.empty() ? profile.toPlainJson() : profile.toPlainJson(subscription.fields);
}

std::vector<std::string> AudienceService::watchedFields(Poco::Data::Session& session)
{
    std::set<std::string> fields;
    for (const auto& s : OutboxRepository(session).subscriptions()) fields.insert(s.fields.begin(), s.fields.end());
    return {fields.begin(), fields.end()};
}

void AudienceService::profilesChanged(Poco::Data::Session& session, const std::vector<profiles::ProfileChange>& changes,
                                      TimeMs now)
{
    MembershipRepository members(session);
    OutboxRepository outbox(session);
    const auto subscriptions = outbox.subscriptions();

    // One read for the memberships of every changed and merged-away profile
    // (no change's writes below can touch another change's rows: a merged
    // profile is gone from the batch), then the writes as bulk statements in
    // the order the per-profile loop produces them.
    std::vector<ProfileId> read;
    for (const auto& c : changes) {
        read.push_back(c.profile);
        read.insert(read.end(), c.mergedFrom.begin(), c.mergedFrom.end());
    }
    const auto memberships = members.membershipsOf(read);
    auto membershipsOf = [&](ProfileId id) -> const std::map<std::string, TimeMs>* {
        auto it = memberships.find(id);
        return it == memberships.end() ? nullptr : &it->second;
    };

    std::vector<ProfileId> mergedAway;
    std::vector<MembershipRepository::Member> removed, added;
    std::vector<std::pair<MembershipChange, std::string>> events;
    std::vector<OutboxRepository::Entry> queued;
    for (const auto& c : changes) {
        std::map<std::string, TimeMs> before;
        if (const auto* own = membershipsOf(c.profile)) before = *own;
        for (ProfileId m : c.mergedFrom) {
            if (const auto* theirs = membershipsOf(m)) {
                for (const auto& [slug, since] : *theirs) {
                    auto it = before.find(slug);
                    if (it == before.end() || since.ms < it->second.ms) before[slug] = since;
                }
            }
            mergedAway.push_back(m);
        }
        std::set<std::string> was;
        for (const auto& [slug, since] : before)
            if (_engine.find(slug)) was.insert(slug);
        std::set<std::string> is = _engine.evaluate(c.after, now);
        const std::string cause = c.mergedFrom.empty() ? "profile" : "merge";
        for (const auto& change : MembershipEngine::diff(c.profile, was, is, now)) {
            if (change.kind == MembershipChange::Kind::Enter) {
                added.push_back({change.audience, c.profile, now});
            } else {
                removed.push_back({change.audience, c.profile, now});
            }
            events.emplace_back(change, cause);
            queueFor(subscriptions, change, c.after, queued);
        }
        for (const auto& slug : is) {
            if (!was.count(slug)) continue;
            // Still a member: keep the earliest since of the merged profiles.
            if (!c.mergedFrom.empty()) added.push_back({slug, c.profile, before[slug]});
            for (const auto& s : subscriptions) {
                if (s.audience != slug || s.fields.empty()) continue;
                if (!MembershipEngine::fieldsChanged(c.before ? &*c.before : nullptr, c.after, s.fields)) continue;
                queued.push_back({s.job, MembershipChange{slug, c.profile, MembershipChange::Kind::Update, now},
                                  snapshotFor(s, c.after)});
            }
        }
    }
    members.removeProfiles(mergedAway);
    members.removeMembers(removed);
    members.addMembers(added);
    members.recordEvents(events);
    outbox.enqueueAll(queued);
}

void AudienceService::profilesClearing(Poco::Data::Session& session, TimeMs)
{
    MembershipRepository(session).carryAndClear();
    // Rows queued so far name profile ids the rebuild will reissue: never
    // coalesce a new change with them.
    OutboxRepository(session).sealPending();
}

void AudienceService::rebuildFinished(Poco::Data::Session& session, TimeMs now)
{
    MembershipRepository members(session);
    OutboxRepository outbox(session);
    profiles::ProfileRepository profileRepo(session);
    const auto subscriptions = outbox.subscriptions();

    struct Old {
        std::map<std::string, TimeMs> audiences;
        std::vector<std::pair<std::string, std::string>> keys;
    };
    std::map<ProfileId, Old> old;
    for (auto& c : members.carried()) { // moved from: the rows are read once
        Old& o = old[c.oldProfile];
        auto it = o.audiences.find(c.audience);
        if (it == o.audiences.end() || c.since.ms < it->second.ms) o.audiences[c.audience] = c.since;
        std::pair<std::string, std::string> key{std::move(c.field), std::move(c.value)};
        if (std::find(o.keys.begin(), o.keys.end(), key) == o.keys.end()) o.keys.push_back(std::move(key));
    }
    std::map<ProfileId, std::map<std::string, TimeMs>> before;
    std::vector<std::pair<ProfileId, const Old*>> orphans;
    for (const auto& [id, o] : old) {
        std::optional<ProfileId> owner;
        for (const auto& k : o.keys)
            if ((owner = profileRepo.owner({k.first, k.second}))) break;
        if (!owner) {
            orphans.emplace_back(id, &o);
            continue;
        }
        auto& b = before[*owner];
        for (const auto& [slug, since] : o.audiences) {
            auto it = b.find(slug);
            if (it == b.end() || since.ms < it->second.ms) b[slug] = since;
        }
    }
    // Writes go out as bulk statements every kFlushEvery profiles (memory
    // stays bounded on big stores; order as if written one by one).
    constexpr std::size_t kFlushEvery = 5000;
    std::vector<MembershipRepository::Member> added;
    std::vector<std::pair<MembershipChange, std::string>> events;
    std::vector<OutboxRepository::Entry> queued;
    std::size_t pending = 0;
    auto flush = [&] {
        members.addMembers(added);
        members.recordEvents(events);
        outbox.enqueueAll(queued);
        added.clear();
        events.clear();
        queued.clear();
        pending = 0;
    };
    profileRepo.forEach([&](ProfileId id, const Profile& p) {
        std::set<std::string> was;
        auto bit = before.find(id);
        if (bit != before.end())
            for (const auto& [slug, since] : bit->second)
                if (_engine.find(slug)) was.insert(slug);
        std::set<std::string> is = _engine.evaluate(p, now);
        for (const auto& slug : is) added.push_back({slug, id, was.count(slug) ? bit->second[slug] : now});
        auto changes = MembershipEngine::diff(id, was, is, now);
        for (const auto& change : changes) {
            events.emplace_back(change, "rebuild");
            queueFor(subscriptions, change, p, queued);
        }
        if (++pending >= kFlushEvery) flush();
    });
    flush();
    for (const auto& [id, o] : orphans) {
        std::string json = keysJson(o->keys);
        for (const auto& [slug, since] : o->audiences) {
            if (!_engine.find(slug)) continue;
            MembershipChange change{slug, -id, MembershipChange::Kind::Exit, now};
            members.recordEvent(change, "rebuild");
            enqueueAll(subscriptions, change, json);
        }
    }
    members.clearCarried();
}

AudienceService::Stats AudienceService::reevaluateIn(const Audience& audience, const std::string& cause, TimeMs now)
{
    Stats stats;
    stats.audiences = 1;
    MembershipRepository members(_session);
    OutboxRepository outbox(_session);
    profiles::ProfileRepository profileRepo(_session);
    // First statement writes: takes the store's write lock before reading.
    members.setEvaluated(audience.slug, audience.filterText, now);
    const auto subscriptions = outbox.subscriptionsFor(audience.slug);
    auto current = members.members(audience.slug);
    std::set<ProfileId> was(current.begin(), current.end());
    profileRepo.forEach([&](ProfileId id, const Profile& p) {
        ++stats.evaluated;
        bool is = audience.filter->matches(p, now);
        bool had = was.erase(id) != 0;
        if (is == had) return;
        MembershipChange change{audience.slug, id, is ? MembershipChange::Kind::Enter : MembershipChange::Kind::Exit, now};
        if (is) {
            members.addMember(audience.slug, id, now);
            ++stats.enters;
        } else {
            members.removeMember(audience.slug, id);
            ++stats.exits;
        }
        members.recordEvent(change, cause);
        enqueueAll(subscriptions, change, p);
    });
    // Members whose profile no longer exists.
    for (ProfileId id : was) {
        MembershipChange change{audience.slug, id, MembershipChange::Kind::Exit, now};
        members.removeMember(audience.slug, id);
        members.recordEvent(change, cause);
        enqueueAll(subscriptions, change, "{}");
        ++stats.exits;
    }
    return stats;
}

AudienceService::Stats AudienceService::reevaluate(const std::string& slug, const std::string& cause, TimeMs now)
{
    const Audience* audience = _engine.find(slug);
    if (!audience) throw Poco::NotFoundException("audience \"" + slug + "\" is not defined (or its filter is invalid)");
    Poco::Data::Transaction transaction(_session);
    Stats stats = reevaluateIn(*audience, cause, now);
    transaction.commit();
    return stats;
}

AudienceService::Stats AudienceService::syncDefinitions(TimeMs now)
{
    reload();
    Stats stats;
    std::map<std::string, std::string> evaluated = MembershipRepository(_session).evaluatedFilters();
    for (const auto& audience : _engine.audiences()) {
        auto it = evaluated.find(audience.slug);
        if (it != evaluated.end() && it->second == audience.filterText) continue;
        stats.add(reevaluate(audience.slug, "definition", now));
    }
    // Audiences that were evaluated but are no longer defined (or no longer
    // parse): every member exits.
    std::set<std::string> defined;
    for (const auto& d : AudienceDefinitionRepository(_session).list()) defined.insert(d.slug);
    for (const auto& [slug, filter] : evaluated) {
        if (defined.count(slug)) continue;
        Poco::Data::Transaction transaction(_session);
        MembershipRepository members(_session);
        members.removeEvaluated(slug);
        OutboxRepository outbox(_session);
        const auto subscriptions = outbox.subscriptionsFor(slug);
        profiles::ProfileRepository profileRepo(_session);
        for (ProfileId id : members.members(slug)) {
            MembershipChange change{slug, id, MembershipChange::Kind::Exit, now};
            members.recordEvent(change, "definition");
            auto p = profileRepo.load(id);
            if (p) enqueueAll(subscriptions, change, *p);
            else enqueueAll(subscriptions, change, std::string("{}"));
            ++stats.exits;
        }
        members.removeAudience(slug);
        transaction.commit();
        ++stats.audiences;
    }
    return stats;
}

AudienceService::Stats AudienceService::reevaluateTimeBased(TimeMs now, std::int64_t minIntervalMs)
{
    Stats stats;
    std::map<std::string, TimeMs> last = MembershipRepository(_session).evaluatedTimes();
    for (const auto& slug : _engine.timeDependent()) {
        auto it = last.find(slug);
        if (it != last.end() && now.ms - it->second.ms < minIntervalMs) continue;
        stats.add(reevaluate(slug, "time", now));
    }
    return stats;
}

AudienceService::Stats AudienceService::startExport(const ExportSubscription& subscription, TimeMs now)
{
    Stats stats;
    Poco::Data::Transaction transaction(_session);
    OutboxRepository outbox(_session);
    outbox.saveSubscription(subscription);
    if (subscription.backfill) {
        MembershipRepository members(_session);
        profiles::ProfileRepository profileRepo(_session);
        for (ProfileId id : members.members(subscription.audience)) {
            auto p = profileRepo.load(id);
            if (!p) continue;
            outbox.enqueue(subscription.job, MembershipChange{subscription.audience, id, MembershipChange::Kind::Enter, now},
                           snapshotFor(subscription, *p));
            ++stats.enters;
        }
    }
    transaction.commit();
    return stats;
}

void AudienceService::stopExport(const std::string& job)
{
    Poco::Data::Transaction transaction(_session);
    OutboxRepository(_session).removeSubscription(job);
    transaction.commit();
}

} // namespace jobhost::host::audiences
