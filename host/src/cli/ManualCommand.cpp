// jobhost host — ManualCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/ManualCommand.h"

#include <ostream>

#include "cli/CliApplication.h"
#include "cli/ManPageWriter.h"

namespace jobhost::host {

int ManualCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                       const std::multimap<std::string, std::string>&) {
    if (!arguments.empty()) {
        context.err() << "jobhost: man takes no arguments\n";
        return CliApplication::ExitUsage;
    }
    ManPageWriter::write(context.out(), _application);
    return CliApplication::ExitOk;
}

} // namespace jobhost::host
