// jobhost host — RunsCommand.h
// `jobhost runs [JOB]`: run history.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Prints the newest runs (all jobs, or one): id, job, trigger, attempt,
/// status, start, duration, counters, error. `--log ID` prints a run's
/// stored log excerpt and checkpoints. Read-only. Exit 0; 78 unknown run.
class RunsCommand : public Command {
public:
    std::string name() const override { return "runs"; }
    std::string summary() const override { return "show run history (trigger, timings, counters, errors); --log ID for one run's log"; }
    std::string usage() const override { return "[JOB]"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
