// jobhost host — CompletionCommand.h
// `jobhost completion bash`: prints the shell completion script.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

class CliApplication;

/// Prints the bash completion script generated from the application's
/// command table (BashCompletionWriter). Exit 64 for a shell other than
/// bash or a missing argument. Holds a reference to the application, which
/// owns this command and so outlives it.
class CompletionCommand : public Command {
public:
    explicit CompletionCommand(const CliApplication& application) : _application(application) {}
    std::string name() const override { return "completion"; }
    std::string summary() const override { return "print the shell completion script (bash)"; }
    std::string usage() const override { return "bash"; }
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;

private:
    const CliApplication& _application;
};

} // namespace jobhost::host
