// jobhost host — JobCommand.h
// `jobhost job run NAME`: runs a job now and waits for it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Marks runs abandoned by dead processes first, then runs the job in this
/// process, printing log, progress and checkpoint lines. SIGINT/SIGTERM ask
/// the job to checkpoint and stop. Exit 0 ok; 1 failed or already running;
/// 75 a retry was scheduled (the time is printed); 78 unknown job.
class JobCommand : public Command {
public:
    std::string name() const override { return "job"; }
    std::string summary() const override { return "job run NAME: run an import job now and wait (prints progress)"; }
    std::string usage() const override { return "run NAME"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;

    static constexpr int ExitRetryScheduled = 75;
};

} // namespace jobhost::host
