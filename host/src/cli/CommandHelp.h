// jobhost host — CommandHelp.h
// One verb of the command table as the help, man page and completion show it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "cli/Command.h"

namespace jobhost::host {

/// What `jobhost <verb> --help` shows, read from the Command itself (its
/// name, summary, usage and the options it defines plus --help), so every
/// generated document follows the one command table. Plain value; building
/// it only calls Command's const/define methods and never throws.
struct CommandHelp {
    struct Option {
        std::string longName;    ///< "workers"
        std::string shortName;   ///< "w"; empty when none
        std::string argument;    ///< "N"; empty for a flag
        std::string description;
    };

    std::string name;
    std::string summary;
    std::string usage;
    std::vector<Option> options;
    /// Sub-verbs taken from the usage line: the leading lowercase word of
    /// each '|' alternative ("status [JOB] | run JOB" → status, run).
    std::vector<std::string> subcommands;

    static CommandHelp of(Command& command);
};

} // namespace jobhost::host
