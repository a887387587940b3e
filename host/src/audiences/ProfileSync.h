// ProfileSync.h — jobhost audiences: one call that brings profiles and audiences up to date (the runtime's hook).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiences/AudienceService.h"
#include "lql/MappingSet.h"
#include "profiles/ProfileBuilder.h"

#include <Poco/Data/Session.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace jobhost::host {
class PluginRegistry;
class Store;
} // namespace jobhost::host

namespace jobhost::host::audiences {

// Wires ProfileBuilder and AudienceService together: audience definition
// changes are applied first, then new stream events are built into profiles
// (memberships and outbox rows commit with each batch), then clock-based
// audiences are re-evaluated when due. Every step is idempotent, so calling
// run() again (or after a crash) is always safe.
// One instance per session and thread; not thread-safe. Store errors
// propagate as Poco::Data exceptions (the failing batch rolled back).
class ProfileSync {
public:
    struct Options {
        // Events per builder transaction (ProfileBuilder::Options).
        std::size_t batchSize = profiles::ProfileBuilder::Options{}.batchSize;
        // Minimum time between re-evaluations of "now-…" audiences (§8.3 sweep).
        std::int64_t timeSweepIntervalMs = 5 * 60 * 1000;
        profiles::IdentityResolver::Mode mode = profiles::IdentityResolver::Mode::Faithful;
        // Processing clock; default: system time.
        std::function<lql::TimeMs()> clock;
        // Encoded profiles the builder keeps between batches, by count and
        // by bytes (ProfileBuilder::Options).
        std::size_t profileCacheSize = profiles::ProfileBuilder::Options{}.profileCacheSize;
        std::size_t profileCacheBytes = profiles::ProfileBuilder::Options{}.profileCacheBytes;
    };

    struct Result {
        profiles::ProfileBuilder::Stats build;
        AudienceService::Stats definitions;
        AudienceService::Stats time;
        // The stored profiles were built with other mappings.
        bool needsRebuild = false;
        // Audience definitions that did not parse (skipped).
        std::vector<std::string> audienceErrors;
    };

    // The mapping files of every stream the manifests declare, in manifest
    // order. Throws lql::ParseException for a bad mapping and
    // lql::LqlException for an unreadable one.
    static std::shared_ptr<lql::MappingSet> loadMappings(const PluginRegistry& manifests);

    // THE HOOK for the runtime: call after each import checkpoint (or at the
    // end of each import run) and on a timer (e.g. every minute, for clock
    // based audiences and definition changes). Opens its own session on
    // store. Safe from any thread: builders are serialised per process and
    // per store file.
    static Result afterImport(const Store& store, const PluginRegistry& manifests);

    // session and mappings must outlive this object.
    ProfileSync(Poco::Data::Session& session, std::shared_ptr<const lql::MappingSet> mappings);
    ProfileSync(Poco::Data::Session& session, std::shared_ptr<const lql::MappingSet> mappings, Options options);

    Result run();
    // Clears and replays all profiles; memberships are carried across by
    // identity key so only real differences become enter/exit events.
    Result rebuild();

    profiles::ProfileBuilder& builder() { return _builder; }
    AudienceService& audiences() { return _audiences; }

private:
    lql::TimeMs now() const;
    void finish(Result& result);

    Poco::Data::Session& _session;
    Options _options;
    AudienceService _audiences;
    profiles::ProfileBuilder _builder;
};

} // namespace jobhost::host::audiences
