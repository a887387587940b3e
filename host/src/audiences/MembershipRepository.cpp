// MembershipRepository.cpp — jobhost audiences: SQL for memberships, their events and audience state.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/MembershipRepository.h"

namespace jobhost::host::audiences {

using namespace Poco::Data::Keywords;

MembershipRepository::MembershipRepository(Poco::Data::Session& session)
    : _session(session), _sql(SqlDialect::of(session))
{
}

std::map<std::string, lql::TimeMs> MembershipRepository::membershipsOf(profiles::ProfileId profile)
{
    Poco::Int64 id = profile;
    std::vector<std::string> audiences;
    std::vector<Poco::Int64> since;
    _session << _sql("SELECT audience, since FROM audience_memberships WHERE profile_id = ?"), use(id), into(audiences),
        into(since), now;
    std::map<std::string, lql::TimeMs> out;
    for (std::size_t i = 0; i < audiences.size(); ++i) out[audiences[i]] = lql::TimeMs{since[i]};
    return out;
}

std::map<profiles::ProfileId, std::map<std::string, lql::TimeMs>>
MembershipRepository::membershipsOf(const std::vector<profiles::ProfileId>& profiles)
{
    std::map<profiles::ProfileId, std::map<std::string, lql::TimeMs>> out;
    if (profiles.empty()) return out;
    std::vector<Poco::Int64> wanted(profiles.begin(), profiles.end()), ids, since;
    std::vector<std::string> audiences;
    _session << _sql("SELECT profile_id, audience, since FROM audience_memberships WHERE profile_id = ?"), use(wanted),
        into(ids), into(audiences), into(since), now;
    for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]][audiences[i]] = lql::TimeMs{since[i]};
    return out;
}

std::vector<profiles::ProfileId> MembershipRepository::members(const std::string& audience)
{
    std::string a = audience;
    std::vector<Poco::Int64> ids;
    _session << _sql("SELECT profile_id FROM audience_memberships WHERE audience = ? ORDER BY profile_id"), use(a), into(ids), now;
    return {ids.begin(), ids.end()};
}

std::vector<profiles::ProfileId> MembershipRepository::membersAfter(const std::string& audience, profiles::ProfileId after,
                                                                   std::size_t limit)
{
    std::string a = audience;
    Poco::Int64 from = after;
    Poco::Int64 n = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> ids;
    _session << _sql("SELECT profile_id FROM audience_memberships WHERE audience = ? AND profile_id > ? ORDER BY profile_id LIMIT ?"),
        use(a), use(from), use(n), into(ids), now;
    return {ids.begin(), ids.end()};
}

std::int64_t MembershipRepository::memberCount(const std::string& audience)
{
    std::string a = audience;
    Poco::Int64 n = 0;
    _session << _sql("SELECT COUNT(*) FROM audience_memberships WHERE audience = ?"), use(a), into(n), now;
    return n;
}

bool MembershipRepository::isMember(const std::string& audience, profiles::ProfileId profile)
{
    std::string a = audience;
    Poco::Int64 id = profile, n = 0;
    _session << _sql("SELECT COUNT(*) FROM audience_memberships WHERE audience = ? AND profile_id = ?"), use(a), use(id), into(n), now;
    return n != 0;
}

void MembershipRepository::addMember(const std::string& audience, profiles::ProfileId profile, lql::TimeMs since)
{
    std::string a = audience;
    Poco::Int64 id = profile, s = since.ms;
    _session << _sql("INSERT INTO audience_memberships (audience, profile_id, since) VALUES (?, ?, ?) "
                     "ON CONFLICT (audience, profile_id) DO UPDATE SET since = " +
                     _sql.least("audience_memberships.since", "excluded.since")),
        use(a), use(id), use(s), now;
}

void MembershipRepository::removeMember(const std::string& audience, profiles::ProfileId profile)
{
    std::string a = audience;
    Poco::Int64 id = profile;
    _session << _sql("DELETE FROM audience_memberships WHERE audience = ? AND profile_id = ?"), use(a), use(id), now;
}

void MembershipRepository::removeProfile(profiles::ProfileId profile)
{
    Poco::Int64 id = profile;
    _session << _sql("DELETE FROM audience_memberships WHERE profile_id = ?"), use(id), now;
}

void MembershipRepository::addMembers(const std::vector<Member>& members)
{
    if (members.empty()) return;
    std::vector<std::string> audiences;
    std::vector<Poco::Int64> ids, since;
    for (const auto& m : members) {
        audiences.push_back(m.audience);
        ids.push_back(m.profile);
        since.push_back(m.since.ms);
    }
    _session << _sql("INSERT INTO audience_memberships (audience, profile_id, since) VALUES (?, ?, ?) "
                     "ON CONFLICT (audience, profile_id) DO UPDATE SET since = " +
                     _sql.least("audience_memberships.since", "excluded.since")),
        use(audiences), use(ids), use(since), now;
}

void MembershipRepository::removeMembers(const std::vector<Member>& members)
{
    if (members.empty()) return;
    std::vector<std::string> audiences;
    std::vector<Poco::Int64> ids;
    for (const auto& m : members) {
        audiences.push_back(m.audience);
        ids.push_back(m.profile);
    }
    _session << _sql("DELETE FROM audience_memberships WHERE audience = ? AND profile_id = ?"), use(audiences), use(ids), now;
}

void MembershipRepository::removeProfiles(const std::vector<profiles::ProfileId>& profiles)
{
    if (profiles.empty()) return;
    std::vector<Poco::Int64> ids(profiles.begin(), profiles.end());
    _session << _sql("DELETE FROM audience_memberships WHERE profile_id = ?"), use(ids), now;
}

void MembershipRepository::removeAudience(const std::string& audience)
{
    std::string a = audience;
    _session << _sql("DELETE FROM audience_memberships WHERE audience = ?"), use(a), now;
}

void MembershipRepository::recordEvent(const MembershipChange& change, const std::string& cause)
{
    if (change.kind == MembershipChange::Kind::Update) return;
    std::string a = change.audience, e = MembershipChange::kindName(change.kind), c = cause;
    Poco::Int64 id = change.profile, at = change.at.ms;
    _session << _sql("INSERT INTO audience_membership_events (audience, profile_id, event, at, cause) VALUES (?, ?, ?, ?, ?)"), use(a),
        use(id), use(e), use(at), use(c), now;
}

void MembershipRepository::recordEvents(const std::vector<std::pair<MembershipChange, std::string>>& changes)
{
    std::vector<std::string> audiences, events, causes;
    std::vector<Poco::Int64> ids, ats;
    for (const auto& [change, cause] : changes) {
        if (change.kind == MembershipChange::Kind::Update) continue;
        audiences.push_back(change.audience);
        events.push_back(MembershipChange::kindName(change.kind));
        causes.push_back(cause);
        ids.push_back(change.profile);
        ats.push_back(change.at.ms);
    }
    if (ids.empty()) return;
    _session << _sql("INSERT INTO audience_membership_events (audience, profile_id, event, at, cause) VALUES (?, ?, ?, ?, ?)"),
        use(audiences), use(ids), use(events), use(ats), use(causes), now;
}

std::vector<MembershipEvent> MembershipRepository::recentEvents(const std::string& audience, std::size_t limit)
{
    std::string a = audience;
    Poco::Int64 max = static_cast<Poco::Int64>(limit);
    std::vector<Poco::Int64> ids, pids, at;
    std::vector<std::string> audiences, events, causes;
    _session << _sql("SELECT id, audience, profile_id, event, at, cause FROM audience_membership_events "
                "WHERE (? = '' OR audience = ?) ORDER BY id DESC LIMIT ?"),
        use(a), use(a), use(max), into(ids), into(audiences), into(pids), into(events), into(at), into(causes), now;
    std::vector<MembershipEvent> out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        out.push_back({ids[i], audiences[i], pids[i], events[i], lql::TimeMs{at[i]}, causes[i]});
    return out;
}

std::int64_t MembershipRepository::eventCount(const std::string& audience, const std::string& event)
{
    std::string a = audience, e = event;
    Poco::Int64 n = 0;
    _session << _sql("SELECT COUNT(*) FROM audience_membership_events WHERE audience = ? AND event = ?"), use(a), use(e), into(n), now;
    return n;
}

std::map<std::string, std::string> MembershipRepository::evaluatedFilters()
{
    std::vector<std::string> slugs, filters;
    _session << _sql("SELECT slug, filter FROM audience_state ORDER BY slug"), into(slugs), into(filters), now;
    std::map<std::string, std::string> out;
    for (std::size_t i = 0; i < slugs.size(); ++i) out[slugs[i]] = filters[i];
    return out;
}

void MembershipRepository::setEvaluated(const std::string& slug, const std::string& filter, lql::TimeMs at)
{
    std::string s = slug, f = filter;
    Poco::Int64 t = at.ms;
    _session << _sql("INSERT INTO audience_state (slug, filter, evaluated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (slug) DO UPDATE SET filter = excluded.filter, evaluated_at = excluded.evaluated_at"),
        use(s), use(f), use(t), now;
}

void MembershipRepository::removeEvaluated(const std::string& slug)
{
    std::string s = slug;
    _session << _sql("DELETE FROM audience_state WHERE slug = ?"), use(s), now;
}

std::map<std::string, lql::TimeMs> MembershipRepository::evaluatedTimes()
{
    std::vector<std::string> slugs;
    std::vector<Poco::Int64> at;
    _session << _sql("SELECT slug, evaluated_at FROM audience_state"), into(slugs), into(at), now;
    std::map<std::string, lql::TimeMs> out;
    for (std::size_t i = 0; i < slugs.size(); ++i) out[slugs[i]] = lql::TimeMs{at[i]};
    return out;
}

void MembershipRepository::carryAndClear()
{
    _session << _sql("INSERT INTO audience_membership_carry (audience, old_profile_id, field, value, since) "
                "SELECT m.audience, m.profile_id, i.field, i.value, m.since FROM audience_memberships m "
                "JOIN profile_identities i ON i.profile_id = m.profile_id"),
        now;
    _session << _sql("DELETE FROM audience_memberships"), now;
}

std::vector<CarriedMembership> MembershipRepository::carried()
{
    std::vector<std::string> audiences, fields, values;
    std::vector<Poco::Int64> pids, since;
    _session << _sql("SELECT audience, old_profile_id, field, value, since FROM audience_membership_carry "
                "ORDER BY old_profile_id, audience, field, value"),
        into(audiences), into(pids), into(fields), into(values), into(since), now;
    std::vector<CarriedMembership> out;
    out.reserve(audiences.size());
    for (std::size_t i = 0; i < audiences.size(); ++i) // moved: a big store carries many rows
        out.push_back({std::move(audiences[i]), pids[i], std::move(fields[i]), std::move(values[i]), lql::TimeMs{since[i]}});
    return out;
}

void MembershipRepository::clearCarried() { _session << _sql("DELETE FROM audience_membership_carry"), now; }

} // namespace jobhost::host::audiences
