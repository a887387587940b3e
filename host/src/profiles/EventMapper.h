// EventMapper.h — jobhost profiles: turns one stream event into contributions and identity keys.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "profiles/MappingResult.h"
#include "lql/EvalClock.h"
#include "lql/MappingSet.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace jobhost::host::profiles {

// The expression engine's types this header speaks in.
using lql::EvalClock;
using lql::MappingQuery;
using lql::MappingSet;

// Applies the per-event algorithm of §2.4 (WHERE, per-column IF guards on
// the raw event, evaluation with the event timestamp, dropping failed and
// empty values, coercion to the column's kind, BY keys). Pure: no profile or
// store access. Holds the MappingSet by shared pointer; const methods are
// thread-safe.
class EventMapper {
public:
    explicit EventMapper(std::shared_ptr<const MappingSet> mappings);

    // One result per query whose FROM is stream (none for an unknown stream).
    // Never throws for bad event data: failing columns simply write nothing.
    std::vector<MappingResult> map(const std::string& stream, const std::map<std::string, std::string>& event,
                                   TimeMs eventTime) const;

    // The same for a single query.
    static MappingResult mapQuery(const MappingQuery& query, const std::map<std::string, std::string>& event,
                                  TimeMs eventTime);
    // The same with the query's shape already built (shapeOf).
    static MappingResult mapQuery(const MappingQuery& query, std::shared_ptr<const QueryShape> shape,
                                  const std::map<std::string, std::string>& event, TimeMs eventTime);
    static std::shared_ptr<const QueryShape> shapeOf(const MappingQuery& query);

    // Renders results as JSON text (what `jobhost eval` prints):
    // [{"query":..,"stream":..,"event_time":"<RFC3339>","matched":true,"dropped":false,
    //   "keys":[{"field":..,"value":..}],
    //   "contributions":[{"field":..,"kind":..,"mergeop":..,"value":<plain>}]}]
    static std::string toJson(const std::vector<MappingResult>& results);

    const MappingSet& mappings() const { return *_mappings; }

private:
    std::shared_ptr<const MappingSet> _mappings;
    // Per stream: its queries with their shapes, in MappingSet order.
    std::map<std::string, std::vector<std::pair<const MappingQuery*, std::shared_ptr<const QueryShape>>>> _byStream;
};

} // namespace jobhost::host::profiles
