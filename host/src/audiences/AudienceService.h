// AudienceService.h — jobhost audiences: keeps memberships, their events and the export outbox in step with profiles.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiences/MembershipEngine.h"
#include "audiences/OutboxRepository.h"
#include "profiles/ProfileChangeListener.h"

#include <Poco/Data/Session.h>

#include <string>
#include <vector>

namespace jobhost::host::audiences {

// Applies the membership rules (MembershipEngine) to the store:
//  * as the ProfileBuilder's listener, inside each builder transaction:
//    enter/exit per changed profile (merges per §9.4), recorded in
//    audience_membership_events and written to the outbox of every export
//    subscribed to the audience — all in the builder's transaction;
//  * on definition changes (audience_definitions differs from the filter
//    memberships were evaluated with): re-evaluates every profile;
//  * periodically for filters that use the clock ("now-30d");
//  * when an export starts: optional backfill of current members as enters;
//  * across a profile rebuild: memberships are carried by identity key, so
//    only real differences produce events.
// Each public method that is not a listener callback runs its own
// Poco::Data::Transaction per audience. One service per session and thread;
// not thread-safe. Store errors propagate as Poco::Data exceptions after the
// transaction rolled back; invalid FilterQL is reported in errors() and the
// audience is skipped (its memberships are left as they are).
class AudienceService : public profiles::ProfileChangeListener {
public:
    struct Stats {
        std::int64_t enters = 0;
        std::int64_t exits = 0;
        std::int64_t updates = 0;   // outbox update rows queued
        std::int64_t evaluated = 0; // profile evaluations
        std::int64_t audiences = 0; // audiences (re-)evaluated
        void add(const Stats& o);
    };

    // Loads the audience definitions from the store (see reload()).
    explicit AudienceService(Poco::Data::Session& session);
    // Uses the given audiences instead of the stored definitions (tests).
    AudienceService(Poco::Data::Session& session, MembershipEngine engine);

    // Re-reads audience_definitions and compiles them; definitions whose
    // filter does not parse are left out and reported by errors().
    void reload();
    const MembershipEngine& engine() const { return _engine; }
    // "audience <slug>:<line>:<col>: expected …" per bad definition.
    const std::vector<std::string>& errors() const { return _errors; }

    // --- ProfileChangeListener (called inside the builder's transaction)
    // The fields every export subscription maps (their change queues an update).
    std::vector<std::string> watchedFields(Poco::Data::Session& session) override;
    void profilesChanged(Poco::Data::Session& session, const std::vector<profiles::ProfileChange>& changes,
                         lql::TimeMs now) override;
    void profilesClearing(Poco::Data::Session& session, lql::TimeMs now) override;
    void rebuildFinished(Poco::Data::Session& session, lql::TimeMs now) override;

    // Re-evaluates audiences whose stored definition differs from the one
    // their memberships were evaluated with (new audiences included), and
    // exits every member of audiences no longer defined. Reloads first.
    Stats syncDefinitions(lql::TimeMs now);
    // Re-evaluates every profile against the audiences whose filters use the
    // clock, when at least minIntervalMs passed since their last evaluation.
    Stats reevaluateTimeBased(lql::TimeMs now, std::int64_t minIntervalMs = 0);
    // Re-evaluates one audience over every profile (cause names why).
    // Throws Poco::NotFoundException for an unknown or invalid audience.
    Stats reevaluate(const std::string& slug, const std::string& cause, lql::TimeMs now);

    // Subscribes an export job to its audience (replacing an earlier
    // subscription) and, with backfill, queues every current member as an
    // enter — in one transaction. Call each time the export starts.
    Stats startExport(const ExportSubscription& subscription, lql::TimeMs now);
    void stopExport(const std::string& job);

private:
    Stats reevaluateIn(const Audience& audience, const std::string& cause, lql::TimeMs now);
    void enqueueAll(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                    const std::string& profileJson);
    void enqueueAll(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                    const profiles::Profile& profile);
    // Appends one outbox entry per subscription of the change's audience,
    // with the given snapshot (no profile: identity keys or "{}") ...
    static void queueFor(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                         const std::string& profileJson, std::vector<OutboxRepository::Entry>& queued);
    // ... or with each subscription's snapshot of the profile.
    static void queueFor(const std::vector<ExportSubscription>& subscriptions, const MembershipChange& change,
                         const profiles::Profile& profile, std::vector<OutboxRepository::Entry>& queued);
    // What the outbox keeps of a profile for an export: the plain JSON of
    // the fields it maps (ExportSubscription::fields; all fields when it
    // names none). The export reads nothing else, and a snapshot of every
    // field was 90% of the outbox's bytes.
    static std::string snapshotFor(const ExportSubscription& subscription, const profiles::Profile& profile);

    Poco::Data::Session& _session;
    MembershipEngine _engine;
    std::vector<std::string> _errors;
    bool _fixedEngine = false;
};

} // namespace jobhost::host::audiences
