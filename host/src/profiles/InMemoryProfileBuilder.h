// InMemoryProfileBuilder.h — jobhost profiles: events → resolved, merged profiles, in memory.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/EventMapper.h"
#include "profiles/IdentityResolver.h"
#include "profiles/InMemoryIdentityIndex.h"
#include "profiles/Profile.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jobhost::host::profiles {

// The whole per-event pipeline of §2.4 without a store: map the event,
// resolve identity, merge stitched profiles first, then apply the
// contributions (each event once, to one profile). Used by tests and
// `jobhost eval`; the store-backed builder follows the same steps inside a
// transaction. Not thread-safe.
class InMemoryProfileBuilder {
public:
    // What happened for one query of one event.
    struct Outcome {
        MappingResult mapping;
        // Unset when the event was dropped (WHERE false or no identity key).
        std::optional<IdentityResolver::Resolution> resolution;
    };

    explicit InMemoryProfileBuilder(std::shared_ptr<const MappingSet> mappings,
                                    IdentityResolver::Mode mode = IdentityResolver::Mode::Faithful);

    // Processes one event of stream with its event (message) timestamp.
    // Never throws for bad event data.
    std::vector<Outcome> process(const std::string& stream, const std::map<std::string, std::string>& event,
                                 TimeMs eventTime);

    // The profile for any id ever issued (follows merges); nullptr if unknown.
    const Profile* profile(ProfileId id) const;
    // The profile owning a key, if any.
    std::optional<ProfileId> find(const IdentityKey& key) const;
    // Ids of the surviving profiles, ascending.
    std::vector<ProfileId> profileIds() const;
    const IdentityIndex& index() const { return _index; }

private:
    EventMapper _mapper;
    InMemoryIdentityIndex _index;
    IdentityResolver _resolver;
    std::map<ProfileId, Profile> _profiles;
};

} // namespace jobhost::host::profiles
