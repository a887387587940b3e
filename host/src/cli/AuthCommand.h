// jobhost host — AuthCommand.h
// `jobhost auth test NAME`: verifies an authorization through its plugin.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Prints "NAME: ok", "NAME: bad credentials: ...", "NAME: missing
/// privilege OPERATION: ..." or "NAME: unreachable: ..." (never a secret).
/// Exit 0 when ok, 1 otherwise; 78 for an unknown authorization.
class AuthCommand : public Command {
public:
    std::string name() const override { return "auth"; }
    std::string summary() const override { return "auth test NAME: verify an authorization's credentials (exit 0/1)"; }
    std::string usage() const override { return "test NAME"; }
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
