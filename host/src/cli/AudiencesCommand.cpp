// jobhost host — AudiencesCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/AudiencesCommand.h"

#include <ostream>

#include <Poco/NumberParser.h>
#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "audiences/Audience.h"
#include "audiences/MembershipRepository.h"
#include "audiences/OutboxRepository.h"
#include "cli/CliApplication.h"
#include "lql/DateParser.h"
#include "lql/ParseException.h"
#include "store/AudienceDefinitionRepository.h"
#include "store/Store.h"

namespace jobhost::host {

void AudiencesCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("limit", "n", "recent enters/exits to show (default 20)").argument("N"));
}

int AudiencesCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                          const std::multimap<std::string, std::string>& options) {
    if (arguments.size() > 1) {
        context.err() << "jobhost audiences: at most one SLUG\n";
        return CliApplication::ExitUsage;
    }
    int limit = 20;
    if (auto it = options.find("limit"); it != options.end() && (!Poco::NumberParser::tryParse(it->second, limit) || limit < 0)) {
        context.err() << "jobhost audiences: --limit needs a non-negative integer\n";
        return CliApplication::ExitUsage;
    }
    Store store(context.paths().storeLocation());
    Poco::Data::Session session = store.openSession();
    AudienceDefinitionRepository definitions(session);
    audiences::MembershipRepository members(session);
    std::ostream& out = context.out();
    const auto evaluated = members.evaluatedFilters();

    if (arguments.empty()) {
        auto all = definitions.list();
        if (all.empty()) out << "(no audiences defined; add them to a config and run 'jobhost apply')\n";
        for (const auto& d : all) {
            auto e = evaluated.find(d.slug);
            out << d.slug << "\t" << members.memberCount(d.slug) << " members"
                << (e == evaluated.end() || e->second != d.filter ? " (not yet evaluated)" : "") << "\t" << d.name << "\t" << d.filter
                << "\n";
        }
        return CliApplication::ExitOk;
    }

    const std::string slug = arguments.front();
    auto d = definitions.find(slug);
    if (!d) throw NotFoundException("audience \"" + slug + "\" is not defined; 'jobhost audiences' lists the defined ones");
    out << "slug:     " << d->slug << "\nname:     " << d->name << "\nfilter:   " << d->filter << "\n";
    try {
        auto a = audiences::Audience::compile(d->slug, d->name, d->filter);
        if (a.filter->usesNow()) out << "clock:    uses the clock; re-evaluated periodically\n";
    } catch (const lql::ParseException& e) {
        out << "error:    " << e.message() << " (audience skipped)\n";
    }
    auto e = evaluated.find(slug);
    out << "members:  " << members.memberCount(slug)
        << (e == evaluated.end() || e->second != d->filter ? " (definition not yet evaluated: run 'jobhost profiles update')" : "")
        << "\nenters:   " << members.eventCount(slug, "enter") << "\nexits:    " << members.eventCount(slug, "exit") << "\n";
    audiences::OutboxRepository outbox(session);
    for (const auto& s : outbox.subscriptionsFor(slug))
        out << "export:   " << s.job << " (" << outbox.waitingCount(s.job) << " waiting in the outbox)\n";
    auto recent = members.recentEvents(slug, static_cast<std::size_t>(limit));
    if (!recent.empty()) out << "recent:\n";
    for (const auto& ev : recent)
        out << "  " << lql::DateParser::formatRfc3339(ev.at) << "  " << ev.event << "  profile " << ev.profile << "  (" << ev.cause
            << ")\n";
    return CliApplication::ExitOk;
}

} // namespace jobhost::host
