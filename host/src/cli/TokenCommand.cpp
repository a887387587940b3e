// jobhost host — TokenCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/TokenCommand.h"

#include <ostream>

#include "app/HostException.h"
#include "console/ConsoleToken.h"

namespace jobhost::host {

int TokenCommand::run(CommandContext& context, const std::vector<std::string>& arguments, const std::multimap<std::string, std::string>&) {
    if (!arguments.empty()) throw UsageException("token takes no arguments");
    ConsoleToken token(ConsoleToken::defaultFile(context.paths().dataDirectory));
    std::string fresh = token.rotate();
    context.out() << fresh << "\n";
    context.err() << "jobhost: new console token written to " << token.file()
                  << " (hashed); the old token no longer works. This is the only time it is shown.\n";
    return 0;
}

} // namespace jobhost::host
