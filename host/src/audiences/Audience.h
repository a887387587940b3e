// Audience.h — jobhost audiences: one compiled audience definition.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "audiences/AudienceFilter.h"

#include <memory>
#include <string>

namespace jobhost::host::audiences {

// An audience as defined in the declarative config (slug, name, FilterQL
// text) with its compiled filter. Plain value type; the filter is shared and
// immutable, so copies are cheap and const use is thread-safe.
struct Audience {
    std::string slug;
    std::string name;
    std::string filterText;
    std::shared_ptr<const AudienceFilter> filter;

    // Compiles filterText. Throws lql::ParseException whose file is
    // "audience <slug>" when the FilterQL is invalid.
    static Audience compile(const std::string& slug, const std::string& name, const std::string& filterText);
};

} // namespace jobhost::host::audiences
