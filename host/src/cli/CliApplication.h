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

class HostLayout;

/// A global option (before the verb) or an environment variable, as shown
/// by --help, the man page and the shell completion.
struct GlobalSetting {
    std::string name;        ///< "data-dir" (option) or "JOBHOST_HOME" (variable)
    std::string argument;    ///< "DIR"; empty for a flag
    std::string description; ///< one line
};

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
    /// Registers every built-in verb, plus `completion` and `man`, which
    /// describe this application's own command table.
    void addBuiltins();
    int run(const std::vector<std::string>& args);

    static constexpr int ExitOk = 0;
    static constexpr int ExitUsage = 64;
    static constexpr int ExitSoftware = 70;
    static constexpr int ExitConfig = 78;

    /// Default locations: $JOBHOST_HOME / $JOBHOST_PLUGIN_DIR /
    /// $JOBHOST_MANIFEST_DIR when set, else ./.jobhost and the layout's
    /// plugin and manifest folders (see HostLayout: build tree, then the
    /// install prefix, both found from the executable's location).
    static HostPaths defaultPaths(const HostLayout& layout);

    /// The registered verbs, in help order (the command table --help, the
    /// man page and the completion script are generated from).
    const std::vector<std::unique_ptr<Command>>& commands() const { return _commands; }
    /// Options accepted before the verb.
    static const std::vector<GlobalSetting>& globalOptions();
    /// Environment variables the host reads.
    static const std::vector<GlobalSetting>& environment();
    /// `jobhost --version`: version, plugin ABI, build id and where the
    /// running binary takes its plugins and manifests from.
    static std::string versionText();
    /// `jobhost --help`.
    void printHelp(std::ostream& out) const;

private:
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
