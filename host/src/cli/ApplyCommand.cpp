// jobhost host — ApplyCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/ApplyCommand.h"

#include <ostream>

#include <Poco/Environment.h>
#include <Poco/Timestamp.h>

#include "app/HostException.h"
#include "cli/CliApplication.h"
#include "config/DeclarativeConfig.h"
#include "runtime/ConfigApplier.h"

namespace jobhost::host {

int ApplyCommand::run(CommandContext& context, const std::vector<std::string>& arguments, const std::multimap<std::string, std::string>&) {
    if (arguments.size() != 1) throw UsageException("apply needs exactly one FILE (a declarative config)");
    const std::string& file = arguments.front();
    DeclarativeConfig config = DeclarativeConfig::readFile(file, context.manifests());
    ConfigApplier applier(context.store(), context.manifests(), context.secrets());
    std::string actor = "cli:" + Poco::Environment::get("USER", "unknown");
    ApplyReport report = applier.apply(config, actor, Poco::Timestamp().epochMicroseconds() / 1000);
    for (const ApplyChange& change : report.changes) {
        context.out() << change.objectType << " " << change.name << ": " << change.action;
        if (change.action == "updated") {
            context.out() << " (";
            for (std::size_t i = 0; i < change.changedFields.size(); ++i) context.out() << (i ? ", " : "") << change.changedFields[i];
            context.out() << ")";
        }
        context.out() << "\n";
    }
    if (report.unchanged())
        context.out() << file << ": unchanged\n";
    else
        context.out() << file << ": applied (" << report.count("created") << " created, " << report.count("updated") << " updated, "
                      << report.count("unchanged") << " unchanged)\n";
    return CliApplication::ExitOk;
}

} // namespace jobhost::host
