// jobhost host — ServeCommand.h
// `jobhost serve`: the daemon (scheduler now; console and exports later).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Runs the HostDaemon until SIGINT/SIGTERM: recovers abandoned runs, runs
/// due jobs on a worker pool, stops gracefully (running jobs checkpoint and
/// are resumed at the next start). Prints one line per event. Exit 0 after a
/// graceful stop.
class ServeCommand : public Command {
public:
    std::string name() const override { return "serve"; }
    std::string summary() const override { return "run the daemon: scheduler and worker pool (stop with SIGTERM/SIGINT)"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
