// jobhost host — EvalCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/EvalCommand.h"

#include <chrono>
#include <iostream>
#include <iterator>
#include <memory>
#include <ostream>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "cli/CliApplication.h"
#include "lql/DateParser.h"
#include "lql/EvalClock.h"
#include "lql/Evaluator.h"
#include "profiles/EventMapper.h"
#include "lql/FieldSource.h"
#include "profiles/JsonText.h"
#include "lql/MappingSet.h"
#include "lql/Parser.h"
#include "lql/ParseException.h"
#include "util/JsonDocument.h"

namespace jobhost::host {
namespace {

using Event = std::map<std::string, std::string>;

std::string option(const std::multimap<std::string, std::string>& options, const std::string& name) {
    auto it = options.find(name);
    return it == options.end() ? std::string() : it->second;
}

/// One JSON object → a flat stream event (strings only).
Event flatten(const Poco::JSON::Object::Ptr& object, const std::string& origin) {
    if (!object) throw ConfigException(origin + ": an event must be a JSON object");
    Event event;
    for (const auto& [key, value] : *object) {
        if (value.isEmpty()) continue;
        if (value.isString()) {
            event[key] = value.extract<std::string>();
        } else if (value.type() == typeid(Poco::JSON::Object::Ptr) || value.type() == typeid(Poco::JSON::Array::Ptr)) {
            event[key] = JsonDocument::stringify(value);
        } else {
            event[key] = value.convert<std::string>();
        }
    }
    return event;
}

std::vector<Event> readEvents(const std::string& text, const std::string& origin) {
    Poco::Dynamic::Var document = JsonDocument::parse(text, origin);
    std::vector<Event> events;
    if (document.type() == typeid(Poco::JSON::Array::Ptr)) {
        auto array = document.extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < array->size(); ++i)
            events.push_back(flatten(array->getObject(static_cast<unsigned>(i)), origin + "[" + std::to_string(i) + "]"));
    } else if (document.type() == typeid(Poco::JSON::Object::Ptr)) {
        events.push_back(flatten(document.extract<Poco::JSON::Object::Ptr>(), origin));
    } else {
        throw ConfigException(origin + ": expected a JSON object (one event) or an array of objects");
    }
    return events;
}

/// The mapping file the manifests declare for a stream.
std::string defaultMappingFor(CommandContext& context, const std::string& stream) {
    for (const auto& entry : context.manifests().entries()) {
        if (!entry.manifest) continue;
        if (const StreamSpec* s = entry.manifest->findStream(stream)) return s->mappingFile;
    }
    throw ConfigException("no provider manifest in " + context.paths().manifestDirectory + " declares stream \"" + stream +
                          "\"; pass --mapping FILE");
}

} // namespace

void EvalCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("mapping", "m", "mapping file (LQL) to evaluate").argument("FILE"));
    options.addOption(Poco::Util::Option("stream", "s", "stream name (selects queries; alone: the provider's default mapping)")
                          .argument("NAME"));
    options.addOption(Poco::Util::Option("expr", "e", "one expression to evaluate instead of a mapping").argument("TEXT"));
    options.addOption(Poco::Util::Option("event", "f", "read the JSON event from FILE instead of stdin").argument("FILE"));
    options.addOption(Poco::Util::Option("time", "t", "event (message) time, e.g. 2024-11-16T09:15:27Z (default: now)")
                          .argument("TIME"));
}

int EvalCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                     const std::multimap<std::string, std::string>& options) {
    if (!arguments.empty()) throw UsageException("eval takes no positional arguments (the event is read from stdin)");
    const std::string mappingFile = option(options, "mapping");
    const std::string stream = option(options, "stream");
    const bool haveExpr = options.count("expr") != 0;
    if (haveExpr && (!mappingFile.empty() || !stream.empty())) {
        context.err() << "jobhost eval: use either --expr or --mapping/--stream, not both\n";
        return CliApplication::ExitUsage;
    }
    if (!haveExpr && mappingFile.empty() && stream.empty()) {
        context.err() << "jobhost eval: one of --mapping FILE, --stream NAME or --expr TEXT is required\n";
        return CliApplication::ExitUsage;
    }

    lql::TimeMs eventTime{std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count()};
    if (options.count("time")) {
        auto t = lql::DateParser::parseAny(option(options, "time"));
        if (!t) {
            context.err() << "jobhost eval: --time \"" << option(options, "time") << "\" is not a date I can read\n";
            return CliApplication::ExitUsage;
        }
        eventTime = *t;
    }

    try {
        // Parse the mapping/expression first so its errors win over input problems.
        std::shared_ptr<lql::MappingSet> mappings;
        lql::ExprPtr expr;
        if (haveExpr) {
            expr = lql::Parser::parseExpression(option(options, "expr"), "--expr");
        } else {
            mappings = std::make_shared<lql::MappingSet>();
            mappings->addFile(mappingFile.empty() ? defaultMappingFor(context, stream) : mappingFile);
        }

        std::string eventFile = option(options, "event");
        std::string text;
        if (eventFile.empty() || eventFile == "-") {
            text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
            eventFile = "<stdin>";
        } else {
            text = JsonDocument::readFile(eventFile);
        }
        std::vector<Event> events = readEvents(text, eventFile);

        if (haveExpr) {
            for (const auto& event : events) {
                lql::EventFieldSource source(event);
                auto value = lql::Evaluator::evaluate(*expr, source, lql::EvalClock::forEvent(eventTime));
                context.out() << "{\"ok\": " << (value ? "true" : "false")
                              << ", \"value\": " << (value ? profiles::JsonText::plain(*value) : std::string("null")) << "}\n";
            }
            return CliApplication::ExitOk;
        }
        profiles::EventMapper mapper(mappings);
        std::vector<profiles::MappingResult> results;
        for (const auto& event : events) {
            if (!stream.empty()) {
                auto r = mapper.map(stream, event, eventTime);
                if (r.empty()) {
                    context.err() << "jobhost eval: the mapping has no query FROM stream \"" << stream << "\"\n";
                    return CliApplication::ExitConfig;
                }
                for (auto& one : r) results.push_back(std::move(one));
            } else {
                for (const auto& q : mappings->queries())
                    results.push_back(profiles::EventMapper::mapQuery(q, event, eventTime));
            }
        }
        context.out() << profiles::EventMapper::toJson(results);
        return CliApplication::ExitOk;
    } catch (const lql::ParseException& e) {
        context.err() << e.message() << "\n";
        return CliApplication::ExitConfig;
    } catch (const lql::LqlException& e) {
        context.err() << "jobhost eval: " << e.message() << "\n";
        return CliApplication::ExitConfig;
    }
}

} // namespace jobhost::host
