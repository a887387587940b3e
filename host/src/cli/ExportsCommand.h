// jobhost host — ExportsCommand.h
// `jobhost exports status|dead-letters|replay`: export runner bookkeeping.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// `jobhost exports status [JOB]` — per export job: audience, waiting and
/// in-flight changes, dead letters, delivered/skipped/retried/rejected
/// totals, last batch time and error.
/// `jobhost exports dead-letters [JOB]` — dead letters, oldest first, with
/// their reason.
/// `jobhost exports replay JOB (--id N | --all)` — re-queues dead letters as
/// the profile's current state (DeadLetterReplayer).
/// Opens the store in the data directory; exit 0 on success, 64 on bad
/// usage, 1 when nothing matched. Store errors throw StoreException.
class ExportsCommand : public Command {
public:
    std::string name() const override { return "exports"; }
    std::string summary() const override { return "export status, one-off delivery, dead letters and replay"; }
    std::string usage() const override { return "status [JOB] | run JOB | dead-letters [JOB] | replay JOB (--id N | --all)"; }
    void defineOptions(Poco::Util::OptionSet& options) override;
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
