// jobhost host — AudienceDefinitionRepository.cpp
// SPDX-License-Identifier: Apache-2.0
#include "store/AudienceDefinitionRepository.h"

namespace jobhost::host {

using namespace Poco::Data::Keywords;

AudienceDefinitionRepository::AudienceDefinitionRepository(Poco::Data::Session& session) : _session(session), _sql(SqlDialect::of(session)) {}

std::optional<AudienceDefinition> AudienceDefinitionRepository::find(const std::string& slug) {
    for (auto& d : list())
        if (d.slug == slug) return d;
    return std::nullopt;
}

std::vector<AudienceDefinition> AudienceDefinitionRepository::list() {
    std::vector<std::string> slugs, names, filters;
    std::vector<Poco::Int64> created, updated;
    _session << _sql("SELECT slug, name, filter, created_at, updated_at FROM audience_definitions ORDER BY slug"), into(slugs), into(names),
        into(filters), into(created), into(updated), now;
    std::vector<AudienceDefinition> result;
    for (std::size_t i = 0; i < slugs.size(); ++i) result.push_back({slugs[i], names[i], filters[i], created[i], updated[i]});
    return result;
}

void AudienceDefinitionRepository::insert(const AudienceDefinition& definition) {
    AudienceDefinition v = definition;
    _session << _sql("INSERT INTO audience_definitions (slug, name, filter, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"), use(v.slug), use(v.name),
        use(v.filter), use(v.createdAt), use(v.updatedAt), now;
}

void AudienceDefinitionRepository::update(const AudienceDefinition& definition) {
    AudienceDefinition v = definition;
    _session << _sql("UPDATE audience_definitions SET name = ?, filter = ?, updated_at = ? WHERE slug = ?"), use(v.name), use(v.filter),
        use(v.updatedAt), use(v.slug), now;
}

} // namespace jobhost::host
