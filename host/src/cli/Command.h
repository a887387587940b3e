// jobhost host — Command.h
// One CLI verb. A verb is one small class; CliApplication dispatches to it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include <Poco/Util/OptionSet.h>

#include "cli/CommandContext.h"

namespace jobhost::host {

/// A CLI verb (`jobhost <name> ...`). Stateless between runs; run() is called
/// at most once per process. run() may throw HostException subclasses; the
/// CliApplication maps them to exit codes (UsageException → 64 followed by
/// the verb's usage line, ConfigException/Manifest/Plugin/NotFound errors →
/// 78, anything unexpected → 70). A verb that prints its own usage message
/// returns CliApplication::ExitUsage and gets the usage line appended.
class Command {
public:
    virtual ~Command() = default;
    /// The verb as typed on the command line.
    virtual std::string name() const = 0;
    /// One line for `jobhost --help`.
    virtual std::string summary() const = 0;
    /// Positional arguments as shown in `jobhost <verb> --help`, e.g. "FILE".
    virtual std::string usage() const { return ""; }
    /// Declares the verb's own options (--help is added by the dispatcher).
    virtual void defineOptions(Poco::Util::OptionSet&) {}
    /// Runs the verb. `options` holds each option given (name → value, "" for flags).
    virtual int run(CommandContext& context, const std::vector<std::string>& arguments,
                    const std::multimap<std::string, std::string>& options) = 0;
};

} // namespace jobhost::host
