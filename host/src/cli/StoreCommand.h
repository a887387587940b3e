// jobhost host — StoreCommand.h
// `jobhost store copy --to postgresql://…`: move an embedded store to PostgreSQL.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// `jobhost store copy --to postgresql://user@host:port/database` copies the
/// embedded SQLite store (the default <data dir>/jobhost.db, or the file
/// --store names) into an empty PostgreSQL database with StoreCopier, prints
/// each table's row count (equal on both sides, checked before the copy
/// commits) and how to start workers on the new store. The source is not
/// changed. Exit 0 on success; 64 on bad usage (no subcommand, no --to, a
/// --to that is not a PostgreSQL URL); StoreException (exit 74) when either
/// store cannot be opened, the target is not empty or a count differs —
/// nothing is committed then.
class StoreCommand : public Command {
public:
    std::string name() const override { return "store"; }
    std::string summary() const override { return "copy the embedded SQLite store into an empty PostgreSQL database"; }
    std::string usage() const override { return "copy --to postgresql://USER@HOST:PORT/DATABASE"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
