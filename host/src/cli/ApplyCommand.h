// jobhost host — ApplyCommand.h
// `jobhost apply FILE`: writes a declarative config into the store.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Validates FILE against the manifests, resolves secret references, and
/// applies authorizations, jobs (+ schedules) and audience definitions in
/// one transaction with audit rows. Prints one line per object (created /
/// updated with field names / unchanged) and a summary; re-applying the same
/// file prints "unchanged". Exit 0; 78 for config problems.
class ApplyCommand : public Command {
public:
    std::string name() const override { return "apply"; }
    std::string summary() const override { return "apply a config file: authorizations, jobs, schedules, audiences"; }
    std::string usage() const override { return "FILE"; }
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
