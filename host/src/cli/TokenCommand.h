// jobhost host — TokenCommand.h
// `jobhost token`: rotate the console's API token.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Replaces the console token in <data dir>/console.token with a fresh one
/// and prints it once (only its salted hash is stored). A running
/// `jobhost serve` accepts the new token at once and rejects the old one.
/// Exit 0; ConfigException (78) when the file cannot be written.
class TokenCommand : public Command {
public:
    std::string name() const override { return "token"; }
    std::string summary() const override { return "rotate the console API token and print the new one"; }
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
