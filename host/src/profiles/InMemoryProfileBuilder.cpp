// InMemoryProfileBuilder.cpp — jobhost profiles: events → resolved, merged profiles, in memory.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/InMemoryProfileBuilder.h"

namespace jobhost::host::profiles {

InMemoryProfileBuilder::InMemoryProfileBuilder(std::shared_ptr<const MappingSet> mappings,
                                               IdentityResolver::Mode mode)
    : _mapper(std::move(mappings))
    , _resolver(_index, mode)
{
}

std::vector<InMemoryProfileBuilder::Outcome> InMemoryProfileBuilder::process(
    const std::string& stream, const std::map<std::string, std::string>& event, TimeMs eventTime)
{
    std::vector<Outcome> out;
    for (auto& mapping : _mapper.map(stream, event, eventTime)) {
        Outcome o{std::move(mapping), std::nullopt};
        if (!o.mapping.dropped()) {
            auto r = _resolver.resolve(o.mapping);
            Profile& target = _profiles[r.profile];
            for (ProfileId m : r.merged) {
                auto it = _profiles.find(m);
                if (it == _profiles.end()) continue;
                target.merge(it->second);
                _profiles.erase(it);
            }
            target.apply(o.mapping.contributions);
            o.resolution = std::move(r);
        }
        out.push_back(std::move(o));
    }
    return out;
}

const Profile* InMemoryProfileBuilder::profile(ProfileId id) const
{
    auto it = _profiles.find(_index.canonical(id));
    return it == _profiles.end() ? nullptr : &it->second;
}

std::optional<ProfileId> InMemoryProfileBuilder::find(const IdentityKey& key) const { return _index.owner(key); }

std::vector<ProfileId> InMemoryProfileBuilder::profileIds() const
{
    std::vector<ProfileId> ids;
    for (const auto& [id, p] : _profiles) ids.push_back(id);
    return ids;
}

} // namespace jobhost::host::profiles
