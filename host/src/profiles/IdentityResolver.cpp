// IdentityResolver.cpp — jobhost profiles: ranked identity resolution with the conflict rule (§6.2).
// SPDX-License-Identifier: Apache-2.0
#include "profiles/IdentityResolver.h"

#include "profiles/ProfileException.h"

#include <algorithm>
#include <optional>
#include <map>

namespace jobhost::host::profiles {

IdentityResolver::IdentityResolver(IdentityIndex& index, Mode mode)
    : _index(index)
    , _mode(mode)
{
}

IdentityResolver::Resolution IdentityResolver::resolve(const MappingResult& result)
{
    return resolve(result.keys, result.shape->rank, result.shape->singleValued);
}

IdentityResolver::Resolution IdentityResolver::resolve(const std::vector<IdentityKey>& keysIn,
                                                       const std::vector<std::string>& rank,
                                                       const std::set<std::string>& singleValued)
{
    if (keysIn.empty()) throw ProfileException("cannot resolve an event without identity keys");
    auto rankOf = [&](const std::string& field) {
        auto it = std::find(rank.begin(), rank.end(), field);
        return static_cast<std::size_t>(it - rank.begin());
    };
    std::vector<IdentityKey> keys = keysIn;
    std::stable_sort(keys.begin(), keys.end(),
                     [&](const IdentityKey& a, const IdentityKey& b) { return rankOf(a.field) < rankOf(b.field); });
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

    // Owners in rank order of the keys that point to them; an event has a
    // handful of keys, so plain vectors beat tree maps here.
    std::vector<ProfileId> owners;
    std::vector<std::optional<ProfileId>> ownerOf(keys.size()); // by position in keys
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (auto o = _index.owner(keys[i])) {
            ownerOf[i] = *o;
            if (std::find(owners.begin(), owners.end(), *o) == owners.end()) owners.push_back(*o);
        }
    }

    Resolution r;
    if (owners.empty()) {
        r.profile = _index.createProfile();
        r.created = true;
        for (const auto& k : keys) {
            _index.attach(k, r.profile);
            r.attached.push_back(k);
        }
        return r;
    }

    r.profile = owners.front();
    // Single-valued identity fields the target (plus what it absorbed) holds.
    auto singleFields = [&](ProfileId p) {
        std::set<std::string> fields;
        for (const auto& k : _index.keysOf(p))
            if (singleValued.count(k.field)) fields.insert(k.field);
        return fields;
    };
    // Only a second owner can conflict (the common case, one owner, needs none of this).
    std::set<std::string> held;
    if (owners.size() > 1) {
        held = singleFields(r.profile);
        // The event's own unowned single-valued keys will be attached to the
        // target, so a profile holding another value of that field conflicts too.
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (singleValued.count(keys[i].field) && !ownerOf[i]) held.insert(keys[i].field);
    }
    for (std::size_t i = 1; i < owners.size(); ++i) {
        ProfileId p = owners[i];
        bool conflict = false;
        std::set<std::string> theirs;
        if (_mode == Mode::Faithful) {
            theirs = singleFields(p);
            for (const auto& f : theirs) conflict = conflict || held.count(f) != 0;
        }
        if (conflict) {
            r.conflicting.push_back(p);
            continue;
        }
        _index.mergeProfiles(p, r.profile);
        r.merged.push_back(p);
        held.insert(theirs.begin(), theirs.end());
    }
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!ownerOf[i]) {
            _index.attach(keys[i], r.profile);
            r.attached.push_back(keys[i]);
        } else if (std::find(r.conflicting.begin(), r.conflicting.end(), *ownerOf[i]) != r.conflicting.end()) {
            r.conflictingKeys.push_back(keys[i]);
        }
    }
    return r;
}

} // namespace jobhost::host::profiles
