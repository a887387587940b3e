// MembershipEngine.cpp — jobhost audiences: which audiences a profile belongs to, and what changed.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/MembershipEngine.h"

#include <Poco/Exception.h>

namespace jobhost::host::audiences {

MembershipEngine::MembershipEngine(std::vector<Audience> audiences)
    : _audiences(std::move(audiences))
{
    std::set<std::string> seen;
    for (const auto& a : _audiences)
        if (!seen.insert(a.slug).second) throw Poco::InvalidArgumentException("audience slug defined twice: " + a.slug);
}

const Audience* MembershipEngine::find(const std::string& slug) const
{
    for (const auto& a : _audiences)
        if (a.slug == slug) return &a;
    return nullptr;
}

std::set<std::string> MembershipEngine::evaluate(const profiles::Profile& profile, lql::TimeMs now) const
{
    std::set<std::string> slugs;
    for (const auto& a : _audiences)
        if (a.filter && a.filter->matches(profile, now)) slugs.insert(a.slug);
    return slugs;
}

bool MembershipEngine::matches(const std::string& slug, const profiles::Profile& profile, lql::TimeMs now) const
{
    const Audience* a = find(slug);
    return a && a->filter && a->filter->matches(profile, now);
}

std::vector<MembershipChange> MembershipEngine::diff(profiles::ProfileId profile, const std::set<std::string>& before,
                                                     const std::set<std::string>& after, lql::TimeMs at)
{
    std::vector<MembershipChange> changes;
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        if (a == after.end() || (b != before.end() && *b < *a)) {
            changes.push_back({*b++, profile, MembershipChange::Kind::Exit, at});
        } else if (b == before.end() || *a < *b) {
            changes.push_back({*a++, profile, MembershipChange::Kind::Enter, at});
        } else {
            ++a;
            ++b;
        }
    }
    return changes;
}

std::vector<MembershipChange> MembershipEngine::transition(profiles::ProfileId profile,
                                                           const std::set<std::string>& before,
                                                           const profiles::Profile& after, lql::TimeMs now) const
{
    return diff(profile, before, evaluate(after, now), now);
}

std::vector<std::string> MembershipEngine::timeDependent() const
{
    std::vector<std::string> slugs;
    for (const auto& a : _audiences)
        if (a.filter && a.filter->usesNow()) slugs.push_back(a.slug);
    return slugs;
}

bool MembershipEngine::fieldsChanged(const profiles::Profile* before, const profiles::Profile& after,
                                     const std::vector<std::string>& fields)
{
    for (const auto& f : fields) {
        lql::Value now = after.get(f);
        lql::Value was = before ? before->get(f) : lql::Value();
        if (!(now == was)) return true;
    }
    return false;
}

} // namespace jobhost::host::audiences
