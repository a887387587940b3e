// jobhost host — CliApplication.h
// Parses global options, dispatches to one Command, maps errors to exit codes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Exception.h>

#include "cli/Command.h"

namespace jobhost::host {

/// `jobhost [global options] <verb> [verb options] [arguments]`.
/// Exit codes: 0 success, 64 bad usage, 78 bad config/manifest/plugin,
/// 70 internal error; a verb may return others (e.g. 1 = a job failed).
/// Never lets an exception escape run().
class CliApplication {
public:
    CliApplication(std::ostream& out, std::ostream& err);
    ~CliApplication();

    /// Registers a verb; the application owns it.
    void add(std::unique_ptr<Command> command);
    /// Registers every built-in verb.
    void addBuiltins();
    int run(const std::vector<std::string>& args);

    static constexpr int ExitOk = 0;
    static constexpr int ExitUsage = 64;
    static constexpr int ExitSoftware = 70;
    static constexpr int ExitConfig = 78;

    /// Default locations: $JOBHOST_HOME / $JOBHOST_PLUGIN_DIR /
    /// $JOBHOST_MANIFEST_DIR, else ./.jobhost, the plugins folder beside the
    /// executable's bin/ folder, and the source tree's manifests/.
    static HostPaths defaultPaths(const std::string& executable);

private:
    void printHelp();
    /// Prints "jobhost: <message>" and returns `exitCode`.
    int fail(const Poco::Exception& error, int exitCode);
    /// Adds StoreFaultHint's advice (disk full, read-only store) when `message` is such a failure.
    void hint(const std::string& message);
    Command* find(const std::string& name) const;

    std::ostream& _out;
    std::ostream& _err;
    std::string _storeFile; ///< the store of the running command (empty before the options are read)
    std::vector<std::unique_ptr<Command>> _commands;
};

} // namespace jobhost::host
