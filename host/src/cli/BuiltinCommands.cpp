// jobhost host — BuiltinCommands.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/BuiltinCommands.h"

#include "cli/AudiencesCommand.h"
#include "cli/EvalCommand.h"
#include "cli/PluginsCommand.h"
#include "cli/ProfilesCommand.h"
#include "cli/ValidateCommand.h"

namespace jobhost::host {

std::vector<std::unique_ptr<Command>> builtinCommands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<AudiencesCommand>());
    commands.push_back(std::make_unique<EvalCommand>());
    commands.push_back(std::make_unique<PluginsCommand>());
    commands.push_back(std::make_unique<ProfilesCommand>());
    commands.push_back(std::make_unique<ValidateCommand>());
    return commands;
}

} // namespace jobhost::host
