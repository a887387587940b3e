// jobhost host — PluginsCommand.h
// `jobhost plugins`: providers, versions, ABI, roles and load errors.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

/// Loads every manifest and plugin and prints one block per provider. Exit 0
/// when all loaded, 78 when any manifest or plugin failed (the others are
/// still listed).
class PluginsCommand : public Command {
public:
    std::string name() const override { return "plugins"; }
    std::string summary() const override { return "list providers, plugin versions, ABI, roles and load errors"; }
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;
};

} // namespace jobhost::host
