// EventMapper.cpp — jobhost profiles: turns one stream event into contributions and identity keys.
// SPDX-License-Identifier: Apache-2.0
#include "profiles/EventMapper.h"

#include "lql/DateParser.h"
#include "lql/Evaluator.h"
#include "lql/FieldSource.h"
#include "profiles/JsonText.h"
#include "profiles/ValueCoercion.h"

namespace jobhost::host::profiles {

EventMapper::EventMapper(std::shared_ptr<const MappingSet> mappings)
    : _mappings(std::move(mappings))
{
    for (const auto& q : _mappings->queries()) _byStream[q.stream].emplace_back(&q, shapeOf(q));
}

std::vector<MappingResult> EventMapper::map(const std::string& stream,
                                            const std::map<std::string, std::string>& event,
                                            TimeMs eventTime) const
{
    std::vector<MappingResult> out;
    auto it = _byStream.find(stream);
    if (it == _byStream.end()) return out;
    out.reserve(it->second.size());
    for (const auto& [q, shape] : it->second) out.push_back(mapQuery(*q, shape, event, eventTime));
    return out;
}

std::shared_ptr<const QueryShape> EventMapper::shapeOf(const MappingQuery& query)
{
    auto shape = std::make_shared<QueryShape>();
    shape->query = query.alias;
    shape->stream = query.stream;
    shape->rank = query.by;
    for (const auto& b : query.by) {
        for (const auto& c : query.columns) {
            if (c.field == b && lql::isScalarKind(c.kind)) {
                shape->singleValued.insert(b);
                break;
            }
        }
    }
    return shape;
}

MappingResult EventMapper::mapQuery(const MappingQuery& query, const std::map<std::string, std::string>& event,
                                    TimeMs eventTime)
{
    return mapQuery(query, shapeOf(query), event, eventTime);
}

MappingResult EventMapper::mapQuery(const MappingQuery& query, std::shared_ptr<const QueryShape> shape,
                                    const std::map<std::string, std::string>& event, TimeMs eventTime)
{
    MappingResult r;
    r.shape = std::move(shape);
    r.eventTime = eventTime;
    lql::EventFieldSource source(event);
    const lql::EvalClock clock = lql::EvalClock::forEvent(eventTime);
    if (query.where && !lql::Evaluator::isTrue(*query.where, source, clock)) {
        r.matched = false;
        return r;
    }
    for (const auto& c : query.columns) {
        if (c.guard && !lql::Evaluator::isTrue(*c.guard, source, clock)) continue;
        auto v = lql::Evaluator::evaluate(*c.expr, source, clock);
        if (!v || v->isEmpty()) continue;
        auto coerced = ValueCoercion::coerce(*v, c.kind, eventTime);
        if (!coerced) continue;
        r.contributions.push_back(Contribution{c.field, c.kind, c.mergeOp, std::move(*coerced), eventTime});
    }
    // Identity keys in BY (rank) order; set-valued keys give one key per element.
    for (const auto& b : query.by) {
        for (const auto& c : r.contributions) {
            if (c.field != b) continue;
            if (c.value.type() == Value::Type::List) {
                for (const auto& e : c.value.asList()) r.keys.push_back(IdentityKey{b, e});
            } else if (c.value.type() == Value::Type::Time) {
                r.keys.push_back(IdentityKey{b, lql::DateParser::formatRfc3339(c.value.asTime())});
            } else if (c.value.type() != Value::Type::Map) {
                std::string s = c.value.toString();
                if (!s.empty()) r.keys.push_back(IdentityKey{b, s});
            }
        }
    }
    return r;
}

std::string EventMapper::toJson(const std::vector<MappingResult>& results)
{
    std::string s = "[";
    bool firstResult = true;
    for (const auto& r : results) {
        s += firstResult ? "\n  {" : ",\n  {";
        firstResult = false;
        s += "\"query\": " + JsonText::quote(r.shape->query) + ", \"stream\": " + JsonText::quote(r.shape->stream)
            + ", \"event_time\": " + JsonText::quote(lql::DateParser::formatRfc3339(r.eventTime))
            + ", \"matched\": " + (r.matched ? "true" : "false") + ", \"dropped\": " + (r.dropped() ? "true" : "false")
            + ",\n   \"keys\": [";
        for (std::size_t i = 0; i < r.keys.size(); ++i)
            s += std::string(i ? ", " : "") + "{\"field\": " + JsonText::quote(r.keys[i].field)
                + ", \"value\": " + JsonText::quote(r.keys[i].value) + "}";
        s += "],\n   \"contributions\": [";
        for (std::size_t i = 0; i < r.contributions.size(); ++i) {
            const auto& c = r.contributions[i];
            s += std::string(i ? "," : "") + "\n     {\"field\": " + JsonText::quote(c.field)
                + ", \"kind\": " + JsonText::quote(toString(c.kind)) + ", \"mergeop\": "
                + JsonText::quote(toString(c.mergeOp)) + ", \"value\": " + JsonText::plain(c.value) + "}";
        }
        s += r.contributions.empty() ? "]}" : "\n   ]}";
    }
    s += results.empty() ? "]" : "\n]";
    return s + "\n";
}

} // namespace jobhost::host::profiles
