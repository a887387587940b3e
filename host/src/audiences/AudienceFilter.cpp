// AudienceFilter.cpp — jobhost audiences: a compiled FilterQL audience evaluated over profiles.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/AudienceFilter.h"

#include "lql/Evaluator.h"
#include "lql/Parser.h"
#include "audiences/ProfileFieldSource.h"

namespace jobhost::host::audiences {

AudienceFilter::AudienceFilter(const std::string& text, const std::string& name)
    : _query(lql::Parser::parseFilter(text, name))
{
}

AudienceFilter::AudienceFilter(FilterQuery query)
    : _query(std::move(query))
{
}

bool AudienceFilter::matches(const Profile& profile, TimeMs now) const
{
    ProfileFieldSource source(profile);
    return lql::Evaluator::isTrue(*_query.filter, source, lql::EvalClock::at(now));
}

} // namespace jobhost::host::audiences
