// jobhost host — ValidateCommand.h
// `jobhost validate FILE`: checks a provider manifest or a declarative config.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Decides by content: an object with "library" and "abi" is a provider
/// manifest, anything else a declarative config (authorizations, jobs,
/// audiences) checked against the manifests. Runs no plugin code and touches
/// no store. Exit 0 when valid, 78 with one message per problem otherwise.
class ValidateCommand : public Command {
public:
    std::string name() const override { return "validate"; }
    std::string summary() const override { return "check a provider manifest or a config file (exit 78 on problems)"; }
    std::string usage() const override { return "FILE..."; }
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
