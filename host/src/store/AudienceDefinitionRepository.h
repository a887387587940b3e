// jobhost host — AudienceDefinitionRepository.h
// Audience definitions as applied from a declarative config (slug, name,
// FilterQL text); the audience issue evaluates them.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/SqlDialect.h"
#include <Poco/Types.h>

namespace jobhost::host {

struct AudienceDefinition {
    std::string slug;
    std::string name;
    std::string filter;
    Poco::Int64 createdAt = 0;
    Poco::Int64 updatedAt = 0;
};

/// SQL for audience_definitions. Works on a session the caller owns (one
/// thread at a time); joins the caller's transaction. Throws Poco::Data
/// exceptions on store failure.
class AudienceDefinitionRepository {
public:
    explicit AudienceDefinitionRepository(Poco::Data::Session& session);

    std::optional<AudienceDefinition> find(const std::string& slug);
    std::vector<AudienceDefinition> list();
    void insert(const AudienceDefinition& definition);
    /// Updates name, filter and updated_at of definition.slug.
    void update(const AudienceDefinition& definition);

private:
    Poco::Data::Session& _session;
    const SqlDialect& _sql; // this session's engine
};

} // namespace jobhost::host
