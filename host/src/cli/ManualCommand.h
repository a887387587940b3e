// jobhost host — ManualCommand.h
// `jobhost man`: prints the jobhost(1) manual page (roff).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/Command.h"

namespace jobhost::host {

class CliApplication;

/// Prints jobhost(1) generated from the application's command table
/// (ManPageWriter); the build installs its output as the man page. Takes no
/// arguments (exit 64 otherwise). Holds a reference to the application,
/// which owns this command and so outlives it.
class ManualCommand : public Command {
public:
    explicit ManualCommand(const CliApplication& application) : _application(application) {}
    std::string name() const override { return "man"; }
    std::string summary() const override { return "print the jobhost(1) manual page (roff; view with 'jobhost man | man -l -')"; }
    int run(CommandContext& context, const std::vector<std::string>& arguments,
            const std::multimap<std::string, std::string>& options) override;

private:
    const CliApplication& _application;
};

} // namespace jobhost::host
