// jobhost host — CompletionCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/CompletionCommand.h"

#include <ostream>

#include "cli/BashCompletionWriter.h"
#include "cli/CliApplication.h"

namespace jobhost::host {

int CompletionCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                           const std::multimap<std::string, std::string>&) {
    if (arguments.size() != 1 || arguments[0] != "bash") {
        context.err() << "jobhost: completion needs the shell name; supported: bash (e.g. 'jobhost completion bash')\n";
        return CliApplication::ExitUsage;
    }
    BashCompletionWriter::write(context.out(), _application);
    return CliApplication::ExitOk;
}

} // namespace jobhost::host
