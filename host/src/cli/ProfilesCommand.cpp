// jobhost host — ProfilesCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/ProfilesCommand.h"

#include <algorithm>
#include <cctype>
#include <ostream>

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "audiences/MembershipRepository.h"
#include "audiences/ProfileExporter.h"
#include "audiences/ProfileListing.h"
#include "audiences/ProfileSync.h"
#include "cli/CliApplication.h"
#include "profiles/JsonText.h"
#include "lql/DateParser.h"
#include "lql/LqlException.h"
#include "profiles/ProfileExportWriter.h"
#include "profiles/ProfileRepository.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"
#include "store/StreamRepository.h"

namespace jobhost::host {
namespace {

std::string option(const std::multimap<std::string, std::string>& options, const std::string& name) {
    auto it = options.find(name);
    return it == options.end() ? std::string() : it->second;
}

void printResult(std::ostream& out, const audiences::ProfileSync::Result& r) {
    out << "events " << r.build.events << ", applied " << r.build.applied << ", dropped " << r.build.dropped << ", profiles created "
        << r.build.created << ", merged " << r.build.merged << ", batches " << r.build.batches << "\n"
        << "audiences: definitions re-evaluated " << r.definitions.audiences << " (enters " << r.definitions.enters << ", exits "
        << r.definitions.exits << "), clock-based re-evaluated " << r.time.audiences << " (enters " << r.time.enters << ", exits "
        << r.time.exits << ")\n";
    for (const auto& e : r.audienceErrors) out << "audience skipped: " << e << "\n";
    if (r.needsRebuild) out << "mappings changed since the profiles were built: run 'jobhost profiles rebuild'\n";
}

// --audience SLUG, checked against the defined audiences ("" when absent).
std::string audienceOption(Poco::Data::Session& session, const std::multimap<std::string, std::string>& options)
{
    std::string slug = option(options, "audience");
    if (options.count("audience") && !AudienceDefinitionRepository(session).find(slug))
        throw NotFoundException("audience \"" + slug + "\" is not defined; 'jobhost audiences' lists the defined ones");
    return slug;
}

// `profiles list`: one keyset page, one line per profile.
int listProfiles(CommandContext& context, Poco::Data::Session& session, const std::multimap<std::string, std::string>& options)
{
    Poco::Int64 limit = 50, after = 0;
    if (options.count("limit") && (!Poco::NumberParser::tryParse64(option(options, "limit"), limit) || limit < 1 || limit > 10000)) {
        context.err() << "jobhost profiles list: --limit needs an integer from 1 to 10000, not \"" << option(options, "limit") << "\"\n";
        return CliApplication::ExitUsage;
    }
    if (options.count("after") && (!Poco::NumberParser::tryParse64(option(options, "after"), after) || after < 0)) {
        context.err() << "jobhost profiles list: --after needs the cursor a previous page printed (a non-negative integer), not \""
                      << option(options, "after") << "\"\n";
        return CliApplication::ExitUsage;
    }
    const std::string audience = audienceOption(session, options);
    auto page = audiences::ProfileListing(session, audience).page(after, static_cast<std::size_t>(limit));
    std::ostream& out = context.out();
    out << "ID\tEMAIL\tUPDATED\tFIELDS\n";
    for (const auto& e : page.entries) {
        std::size_t fields = 0;
        for (const auto& [name, field] : e.profile.fields())
            if (!field.empty()) ++fields;
        lql::TimeMs updated = e.profile.updated();
        out << e.id << "\t" << (e.email.empty() ? "-" : e.email) << "\t"
            << (updated.ms ? lql::DateParser::formatRfc3339(updated) : "-") << "\t" << fields << "\n";
    }
    if (page.next) {
        context.err() << "more profiles follow: jobhost profiles list --after " << *page.next;
        if (!audience.empty()) context.err() << " --audience " << audience;
        if (options.count("limit")) context.err() << " --limit " << limit;
        context.err() << "\n";
    }
    return CliApplication::ExitOk;
}

// `profiles export`: every profile (or one audience's) to stdout.
int exportProfiles(CommandContext& context, Poco::Data::Session& session, const std::multimap<std::string, std::string>& options)
{
    auto format = profiles::ProfileExportWriter::parseFormat(options.count("format") ? option(options, "format") : "jsonl");
    if (!format) {
        context.err() << "jobhost profiles export: --format is jsonl or csv, not \"" << option(options, "format") << "\"\n";
        return CliApplication::ExitUsage;
    }
    std::vector<std::string> fields;
    if (options.count("fields")) {
        try {
            fields = profiles::ProfileExportWriter::parseFields(option(options, "fields"));
        } catch (const std::invalid_argument& e) {
            context.err() << "jobhost profiles export: --fields: " << e.what() << "\n";
            return CliApplication::ExitUsage;
        }
    }
    const std::string audience = audienceOption(session, options);
    audiences::ProfileExporter(session, audience, *format, fields).run(context.out());
    return CliApplication::ExitOk;
}

} // namespace

void ProfilesCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("email", "", "show: the profile owning this email").argument("EMAIL"));
    options.addOption(Poco::Util::Option("id", "", "show: the profile with this id (merged ids follow the merge)").argument("ID"));
    options.addOption(Poco::Util::Option("key", "", "show: the profile owning identity key FIELD=VALUE").argument("FIELD=VALUE"));
    options.addOption(Poco::Util::Option("meta", "", "show: wrap the profile with its id, identity keys and audiences"));
    options.addOption(Poco::Util::Option("audience", "", "list, export: only the members of this audience").argument("SLUG"));
    options.addOption(Poco::Util::Option("limit", "", "list: profiles per page (1-10000, default 50)").argument("N"));
    options.addOption(Poco::Util::Option("after", "", "list: the cursor the previous page printed").argument("CURSOR"));
    options.addOption(Poco::Util::Option("format", "", "export: jsonl (default) or csv").argument("FORMAT"));
    options.addOption(Poco::Util::Option("fields", "", "export: only these fields, comma-separated (csv columns in this order)").argument("a,b"));
}

int ProfilesCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                         const std::multimap<std::string, std::string>& options) {
    const std::string sub = arguments.empty() ? "status" : arguments.front();
    if (arguments.size() > 1 ||
        (sub != "status" && sub != "update" && sub != "rebuild" && sub != "show" && sub != "list" && sub != "export")) {
        context.err() << "jobhost profiles: expected one of status, update, rebuild, show, list, export\n";
        return CliApplication::ExitUsage;
    }
    Store store(context.paths().storeLocation());
    Poco::Data::Session session = store.openSession();
    std::ostream& out = context.out();

    if (sub == "list") return listProfiles(context, session, options);
    if (sub == "export") return exportProfiles(context, session, options);
    if (sub == "show") {
        profiles::ProfileRepository repo(session);
        std::optional<profiles::ProfileId> id;
        if (options.count("id")) {
            Poco::Int64 n = 0;
            if (!Poco::NumberParser::tryParse64(option(options, "id"), n) || n <= 0) {
                context.err() << "jobhost profiles show: --id needs a positive integer\n";
                return CliApplication::ExitUsage;
            }
            id = repo.canonical(n);
        } else if (options.count("email")) {
            std::string email = option(options, "email");
            id = repo.owner({"email", email});
            std::string lower = email;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (!id) id = repo.owner({"email", lower});
        } else if (options.count("key")) {
            std::string kv = option(options, "key");
            auto eq = kv.find('=');
            if (eq == std::string::npos || eq == 0) {
                context.err() << "jobhost profiles show: --key needs FIELD=VALUE\n";
                return CliApplication::ExitUsage;
            }
            id = repo.owner({kv.substr(0, eq), kv.substr(eq + 1)});
        } else {
            context.err() << "jobhost profiles show: give --email EMAIL, --id ID or --key FIELD=VALUE\n";
            return CliApplication::ExitUsage;
        }
        std::optional<profiles::Profile> profile;
        if (id) profile = repo.load(*id);
        if (!profile) throw NotFoundException("no profile matches; 'jobhost profiles' shows what the store holds");
        if (!options.count("meta")) {
            out << profile->toPlainJson() << "\n";
            return CliApplication::ExitOk;
        }
        out << "{\"id\": " << *id << ", \"by_fields\": [";
        bool first = true;
        for (const auto& k : repo.keysOf(*id)) {
            out << (first ? "" : ", ") << "{\"field\": " << profiles::JsonText::quote(k.field)
                << ", \"value\": " << profiles::JsonText::quote(k.value) << "}";
            first = false;
        }
        out << "], \"audiences\": [";
        first = true;
        for (const auto& [slug, since] : audiences::MembershipRepository(session).membershipsOf(*id)) {
            out << (first ? "" : ", ") << "{\"slug\": " << profiles::JsonText::quote(slug)
                << ", \"since\": " << profiles::JsonText::plain(lql::Value(since)) << "}";
            first = false;
        }
        out << "],\n \"profile\": " << profile->toPlainJson() << "}\n";
        return CliApplication::ExitOk;
    }

    std::shared_ptr<lql::MappingSet> mappings;
    try {
        mappings = audiences::ProfileSync::loadMappings(context.manifests());
    } catch (const lql::LqlException& e) {
        context.err() << e.message() << "\n";
        return CliApplication::ExitConfig;
    }
    audiences::ProfileSync sync(session, mappings);
    if (sub == "update") {
        printResult(out, sync.run());
        return CliApplication::ExitOk;
    }
    if (sub == "rebuild") {
        printResult(out, sync.rebuild());
        return CliApplication::ExitOk;
    }
    profiles::ProfileRepository repo(session);
    StreamRepository streams(session);
    out << "store:      " << store.display() << "\n"
        << "profiles:   " << repo.count() << " (identity keys " << repo.identityCount() << ")\n"
        << "mappings:   " << mappings->queries().size() << " queries, fingerprint " << mappings->fingerprint() << "\n";
    auto positions = sync.builder().positions();
    for (const auto& stream : sync.builder().streams()) {
        std::int64_t head = streams.headSeq(stream);
        std::int64_t at = positions.count(stream) ? positions[stream] : 0;
        out << "stream " << stream << ": built " << at << " of " << head << (at < head ? " (run 'jobhost profiles update')" : "")
            << "\n";
    }
    if (sync.builder().rebuilding()) out << "a rebuild is in progress: run 'jobhost profiles update' to finish it\n";
    if (sync.builder().needsRebuild()) out << "mappings changed since the profiles were built: run 'jobhost profiles rebuild'\n";
    return CliApplication::ExitOk;
}

} // namespace jobhost::host
