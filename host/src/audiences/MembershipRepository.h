// MembershipRepository.h — jobhost audiences: SQL for memberships, their events and audience state.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiences/MembershipChange.h"

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jobhost::host::audiences {

// One recorded enter or exit.
struct MembershipEvent {
    std::int64_t id = 0;
    std::string audience;
    profiles::ProfileId profile = 0;
    std::string event; // enter | exit
    lql::TimeMs at;
    std::string cause; // profile | merge | definition | time | rebuild
};

// A membership remembered by identity key while profiles are rebuilt.
struct CarriedMembership {
    std::string audience;
    profiles::ProfileId oldProfile = 0;
    std::string field;
    std::string value;
    lql::TimeMs since;
};

// The membership table group (audience_state, audience_memberships,
// audience_membership_events, audience_membership_carry; see
// AudienceStoreSchema). Works on a session the caller owns (one thread at a
// time) and joins the caller's transaction. Every method throws Poco::Data
// exceptions on store failure.
class MembershipRepository {
public:
    explicit MembershipRepository(Poco::Data::Session& session);

    // slug → since, for every audience profile is a member of.
    std::map<std::string, lql::TimeMs> membershipsOf(profiles::ProfileId profile);
    // The same for many profiles with one statement: profile → (slug → since);
    // profiles without memberships are absent.
    std::map<profiles::ProfileId, std::map<std::string, lql::TimeMs>>
    membershipsOf(const std::vector<profiles::ProfileId>& profiles);
    // Member profile ids of an audience, ascending.
    std::vector<profiles::ProfileId> members(const std::string& audience);
    // At most limit members of audience with a profile id above after, in id
    // order (one keyset page).
    std::vector<profiles::ProfileId> membersAfter(const std::string& audience, profiles::ProfileId after, std::size_t limit);
    std::int64_t memberCount(const std::string& audience);
    bool isMember(const std::string& audience, profiles::ProfileId profile);
    // Adds (or keeps the earlier since of) one membership.
    void addMember(const std::string& audience, profiles::ProfileId profile, lql::TimeMs since);
    void removeMember(const std::string& audience, profiles::ProfileId profile);
    // Drops every membership of a profile (it was merged away).
    void removeProfile(profiles::ProfileId profile);

    // Bulk forms of the writes above: one prepared statement for all rows,
    // executed in the order given (an empty list does nothing).
    struct Member {
        std::string audience;
        profiles::ProfileId profile = 0;
        lql::TimeMs since;
    };
    void addMembers(const std::vector<Member>& members);
    void removeMembers(const std::vector<Member>& members); // since is ignored
    void removeProfiles(const std::vector<profiles::ProfileId>& profiles);
    void removeAudience(const std::string& audience);

    // Appends an enter/exit event (Update changes are not recorded).
    void recordEvent(const MembershipChange& change, const std::string& cause);
    // Appends many, in order (event ids follow it): change → cause.
    void recordEvents(const std::vector<std::pair<MembershipChange, std::string>>& changes);
    // Newest first; all audiences when audience is empty.
    std::vector<MembershipEvent> recentEvents(const std::string& audience, std::size_t limit);
    std::int64_t eventCount(const std::string& audience, const std::string& event);

    // audience_state: the filter text memberships were last evaluated with.
    std::map<std::string, std::string> evaluatedFilters();
    void setEvaluated(const std::string& slug, const std::string& filter, lql::TimeMs at);
    void removeEvaluated(const std::string& slug);
    // slug → when its memberships were last fully evaluated.
    std::map<std::string, lql::TimeMs> evaluatedTimes();

    // Rebuild support: copies every membership with each identity key of its
    // profile into the carry table, then clears the memberships.
    void carryAndClear();
    std::vector<CarriedMembership> carried();
    void clearCarried();

private:
    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host::audiences
