// jobhost host — AuthCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/AuthCommand.h"

#include <ostream>

#include "app/HostException.h"
#include "cli/ConsoleRunObserver.h"
#include "runtime/AuthorizationVerifier.h"

namespace jobhost::host {

int AuthCommand::run(CommandContext& context, const std::vector<std::string>& arguments, const std::multimap<std::string, std::string>&) {
    if (arguments.empty()) throw UsageException("auth needs a subcommand: test NAME");
    if (arguments[0] != "test") throw UsageException("unknown auth subcommand \"" + arguments[0] + "\" (expected test)");
    if (arguments.size() != 2) throw UsageException("auth test needs exactly one authorization NAME");
    const std::string& name = arguments[1];
    ConsoleRunObserver observer(context.out(), false);
    sdk::AuthResult result = AuthorizationVerifier(context.runtime()).verify(name, &observer);
    context.out() << name << ": " << AuthorizationVerifier::statusName(result.status);
    if (result.status == sdk::AuthStatus::MissingPrivilege) context.out() << " " << result.privilege;
    if (result.status != sdk::AuthStatus::Ok && !result.message.empty()) context.out() << ": " << result.message;
    context.out() << "\n";
    return result.status == sdk::AuthStatus::Ok ? 0 : 1;
}

} // namespace jobhost::host
