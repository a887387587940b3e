// jobhost host — StoreCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/StoreCommand.h"

#include <iomanip>
#include <ostream>

#include <Poco/Util/Option.h>

#include "app/HostException.h"
#include "store/Store.h"
#include "store/StoreCopier.h"
#include "store/StoreLocation.h"

namespace jobhost::host {

void StoreCommand::defineOptions(Poco::Util::OptionSet& options) {
    options.addOption(Poco::Util::Option("to", "t", "copy: the empty PostgreSQL database to copy into (postgresql://USER@HOST:PORT/DATABASE)")
                          .argument("URL"));
}

int StoreCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                      const std::multimap<std::string, std::string>& options) {
    if (arguments.empty()) throw UsageException("store: missing subcommand (copy)");
    if (arguments[0] != "copy") throw UsageException("store: unknown subcommand \"" + arguments[0] + "\" (copy)");
    if (arguments.size() > 1) throw UsageException("store copy: unexpected argument \"" + arguments[1] + "\"");
    const auto to = options.find("to");
    if (to == options.end() || to->second.empty()) throw UsageException("store copy: --to postgresql://… is required");
    if (options.count("to") > 1) throw UsageException("store copy: --to given more than once");
    StoreLocation targetLocation = [&] {
        try {
            return StoreLocation::parse(to->second, "--to");
        } catch (const ConfigException& e) {
            throw UsageException(e.message());
        }
    }();
    if (!targetLocation.isPostgres())
        throw UsageException("store copy: --to must be a PostgreSQL URL (postgresql://USER@HOST:PORT/DATABASE), not \"" +
                             targetLocation.display() + "\"");
    const StoreLocation sourceLocation = context.paths().storeLocation();
    if (sourceLocation.isPostgres())
        throw UsageException("store copy: the store to copy from must be an embedded SQLite store, but " + context.paths().storeSource +
                             " names " + sourceLocation.display());

    Store& source = context.store();
    Store target(targetLocation); // creates the schema in an empty database
    context.err() << "jobhost: copying " << source.display() << " into " << target.display() << "\n";
    StoreCopier copier(source, target);
    std::int64_t total = 0;
    const auto copied = copier.copy([&](const StoreCopier::TableCopy& table) {
        context.out() << "  " << std::left << std::setw(28) << table.table << std::right << std::setw(12) << table.rows << "\n";
        context.out().flush();
        total += table.rows;
    });
    context.out() << "jobhost: copied " << total << " rows in " << copied.size()
                  << " tables; every table holds as many rows as in the source.\n"
                  << "Start workers on it with --store " << target.display() << " (or JOBHOST_STORE); they need the secret key this store's "
                  << "authorizations are sealed with (JOBHOST_SECRET_KEY, or secret.key in " << context.paths().dataDirectory << ").\n";
    return 0;
}

} // namespace jobhost::host
