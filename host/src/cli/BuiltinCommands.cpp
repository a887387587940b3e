// jobhost host — BuiltinCommands.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/BuiltinCommands.h"

#include "cli/ApplyCommand.h"
#include "cli/AudiencesCommand.h"
#include "cli/AuthCommand.h"
#include "cli/EvalCommand.h"
#include "cli/ExportsCommand.h"
#include "cli/JobCommand.h"
#include "cli/PluginsCommand.h"
#include "cli/ProfilesCommand.h"
#include "cli/RunsCommand.h"
#include "cli/ServeCommand.h"
#include "cli/StoreCommand.h"
#include "cli/ValidateCommand.h"
#include "cli/TokenCommand.h"

namespace jobhost::host {

std::vector<std::unique_ptr<Command>> builtinCommands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<ApplyCommand>());
    commands.push_back(std::make_unique<AudiencesCommand>());
    commands.push_back(std::make_unique<AuthCommand>());
    commands.push_back(std::make_unique<EvalCommand>());
    commands.push_back(std::make_unique<ExportsCommand>());
    commands.push_back(std::make_unique<JobCommand>());
    commands.push_back(std::make_unique<PluginsCommand>());
    commands.push_back(std::make_unique<ProfilesCommand>());
    commands.push_back(std::make_unique<RunsCommand>());
    commands.push_back(std::make_unique<ServeCommand>());
    commands.push_back(std::make_unique<StoreCommand>());
    commands.push_back(std::make_unique<ValidateCommand>());
    commands.push_back(std::make_unique<TokenCommand>());
    return commands;
}

} // namespace jobhost::host
