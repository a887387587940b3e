// Audience.cpp — jobhost audiences: one compiled audience definition.
// SPDX-License-Identifier: Apache-2.0
#include "audiences/Audience.h"

namespace jobhost::host::audiences {

Audience Audience::compile(const std::string& slug, const std::string& name, const std::string& filterText)
{
    Audience a;
    a.slug = slug;
    a.name = name;
    a.filterText = filterText;
    a.filter = std::make_shared<const AudienceFilter>(filterText, "audience " + slug);
    return a;
}

} // namespace jobhost::host::audiences
