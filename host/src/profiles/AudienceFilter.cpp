// AudienceFilter.cpp — jobhost profiles: a compiled FilterQL audience evaluated over profiles.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/AudienceFilter.h"

#include "profiles/Evaluator.h"
#include "profiles/Parser.h"
#include "profiles/ProfileFieldSource.h"

namespace jobhost::host::profiles {

AudienceFilter::AudienceFilter(const std::string& text, const std::string& name)
    : _query(Parser::parseFilter(text, name))
{
}

AudienceFilter::AudienceFilter(FilterQuery query)
    : _query(std::move(query))
{
}

bool AudienceFilter::matches(const Profile& profile, TimeMs now) const
{
    ProfileFieldSource source(profile);
    return Evaluator::isTrue(*_query.filter, source, EvalClock::at(now));
}

} // namespace jobhost::host::profiles
