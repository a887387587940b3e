// jobhost host — CliApplication.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/CliApplication.h"

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <Poco/Environment.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include "app/HostException.h"
#include "app/HostLayout.h"
#include "cli/BuiltinCommands.h"
#include "cli/CompletionCommand.h"
#include "cli/ManualCommand.h"
#include "jobhost/sdk/Abi.h"
#include "store/Store.h"
#include "store/StoreFaultHint.h"

namespace jobhost::host {
namespace {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Takes "--name=value" or "--name value" for a known global option.
bool takeGlobal(const std::vector<std::string>& args, std::size_t& i, const std::string& name, std::string& value) {
    const std::string& a = args[i];
    if (a == "--" + name) {
        if (i + 1 >= args.size()) throw UsageError("option --" + name + " needs a value");
        value = args[++i];
        return true;
    }
    if (a.rfind("--" + name + "=", 0) == 0) {
        value = a.substr(name.size() + 3);
        return true;
    }
    return false;
}

/// "usage: jobhost VERB [options] ARGS", the line every usage error of a verb ends with.
std::string usageLine(const Command& command) {
    std::string line = "usage: jobhost " + command.name() + " [options]";
    if (!command.usage().empty()) line += " " + command.usage();
    return line + "\n       'jobhost " + command.name() + " --help' describes the options\n";
}

} // namespace

CliApplication::CliApplication(std::ostream& out, std::ostream& err) : _out(out), _err(err) {}
CliApplication::~CliApplication() = default;

void CliApplication::add(std::unique_ptr<Command> command) { _commands.push_back(std::move(command)); }

void CliApplication::addBuiltins() {
    for (auto& command : builtinCommands()) add(std::move(command));
    add(std::make_unique<CompletionCommand>(*this));
    add(std::make_unique<ManualCommand>(*this));
}

Command* CliApplication::find(const std::string& name) const {
    for (const auto& c : _commands)
        if (c->name() == name) return c.get();
    return nullptr;
}

HostPaths CliApplication::defaultPaths(const HostLayout& layout) {
    HostPaths paths;
    paths.dataDirectory = Poco::Environment::get("JOBHOST_HOME", ".jobhost");
    paths.pluginDirectory = Poco::Environment::get("JOBHOST_PLUGIN_DIR", layout.pluginDirectory());
    paths.manifestDirectory = Poco::Environment::get("JOBHOST_MANIFEST_DIR", layout.manifestDirectory());
    paths.store = Poco::Environment::get("JOBHOST_STORE", "");
    if (!paths.store.empty()) paths.storeSource = "JOBHOST_STORE";
    return paths;
}

const std::vector<GlobalSetting>& CliApplication::globalOptions() {
    static const std::vector<GlobalSetting> options{
        {"data-dir", "DIR", "data folder: store, secret key, console token (default ./.jobhost)"},
        {"plugin-dir", "DIR", "folder of plugin libraries (default: from the executable's location)"},
        {"manifest-dir", "DIR", "folder of provider manifests and default mappings (default: from the executable's location)"},
        {"store", "STORE", "the store: a SQLite file or postgresql://user@host:port/db (default <data-dir>/jobhost.db)"},
        {"help", "", "show the commands"},
        {"version", "", "print version, plugin ABI, build id and the folders in use"},
    };
    return options;
}

const std::vector<GlobalSetting>& CliApplication::environment() {
    static const std::vector<GlobalSetting> variables{
        {"JOBHOST_HOME", "DIR", "data folder, overridden by --data-dir"},
        {"JOBHOST_PLUGIN_DIR", "DIR", "plugin folder, overridden by --plugin-dir"},
        {"JOBHOST_MANIFEST_DIR", "DIR", "manifest folder, overridden by --manifest-dir"},
        {"JOBHOST_STORE", "STORE", "the store (a SQLite file or postgresql://...), overridden by --store"},
        {"JOBHOST_WEB_ROOT", "DIR", "console web UI folder, overridden by serve --web-root"},
        {"JOBHOST_SECRET_KEY", "KEY", "the secret key itself (64 hex digits or base64 of 32 bytes)"},
        {"JOBHOST_SECRET_KEY_FILE", "FILE", "file holding the secret key (instead of <data-dir>/secret.key)"},
    };
    return variables;
}

std::string CliApplication::versionText() {
    HostLayout layout = HostLayout::ofRunningProgram();
    return "jobhost " JOBHOST_VERSION "\n"
           "plugin ABI " JOBHOST_SDK_STRINGIFY(JOBHOST_SDK_ABI_VERSION) "\n"
           "build id " JOBHOST_SDK_BUILD_ID "\n"
           "layout " + layout.describe() + "\n";
}

void CliApplication::printHelp(std::ostream& out) const {
    out << "jobhost " JOBHOST_VERSION " — integration job host\n\n"
        << "usage: jobhost [global options] <command> [options] [arguments]\n\n"
        << "global options:\n";
    for (const auto& o : globalOptions())
        out << "  " << std::left << std::setw(22) << ("--" + o.name + (o.argument.empty() ? "" : " " + o.argument)) << o.description << "\n";
    out << "\ncommands:\n";
    for (const auto& c : _commands) out << "  " << std::left << std::setw(12) << c->name() << c->summary() << "\n";
    out << "\nRun 'jobhost <command> --help' for a command's options.\nEnvironment:";
    for (const auto& v : environment()) out << " " << v.name;
    out << ".\n";
}

int CliApplication::fail(const Poco::Exception& error, int exitCode) {
    _err << "jobhost: " << error.message() << "\n";
    hint(error.message());
    return exitCode;
}

void CliApplication::hint(const std::string& message) {
    if (_storeFile.empty()) return;
    const std::string text = StoreFaultHint::forMessage(_storeFile, message);
    if (!text.empty()) _err << "jobhost: " << text << "\n";
}

int CliApplication::run(const std::vector<std::string>& args) {
    Command* command = nullptr; // known once the verb is parsed; usage errors then end with its usage line
    try {
        HostPaths paths = defaultPaths(HostLayout::ofRunningProgram());
        std::size_t i = 1;
        for (; i < args.size() && args[i].rfind("--", 0) == 0; ++i) {
            if (args[i] == "--help" || args[i] == "-h") { printHelp(_out); return ExitOk; }
            if (args[i] == "--version") { _out << versionText(); return ExitOk; }
            if (takeGlobal(args, i, "data-dir", paths.dataDirectory) || takeGlobal(args, i, "plugin-dir", paths.pluginDirectory) ||
                takeGlobal(args, i, "manifest-dir", paths.manifestDirectory))
                continue;
            if (takeGlobal(args, i, "store", paths.store)) {
                paths.storeSource = "--store";
                continue;
            }
            std::string known;
            for (const auto& o : globalOptions()) known += (known.empty() ? "--" : ", --") + o.name;
            throw UsageError("unknown global option " + args[i] + " (global options: " + known + ")");
        }
        if (i >= args.size()) {
            printHelp(_out);
            return ExitUsage;
        }
        command = find(args[i]);
        if (!command) throw UsageError("unknown command \"" + args[i] + "\"; run 'jobhost --help' for the list");

        Poco::Util::OptionSet options;
        options.addOption(Poco::Util::Option("help", "h", "show this help"));
        command->defineOptions(options);
        Poco::Util::OptionProcessor processor(options);
        processor.setUnixStyle(true);
        std::multimap<std::string, std::string> given;
        std::vector<std::string> positional;
        bool onlyPositional = false;
        for (std::size_t k = i + 1; k < args.size(); ++k) {
            std::string name, value;
            if (!onlyPositional && args[k] == "--") { onlyPositional = true; continue; }
            if (!onlyPositional && processor.process(args[k], name, value)) {
                if (!name.empty()) given.emplace(name, value);
                continue;
            }
            positional.push_back(args[k]);
        }
        processor.checkRequired();
        if (given.count("help")) {
            Poco::Util::HelpFormatter help(options);
            help.setUnixStyle(true);
            help.setCommand("jobhost " + command->name());
            help.setUsage("[options] " + command->usage());
            help.setHeader(command->summary());
            help.format(_out);
            return ExitOk;
        }
        _storeFile = paths.storeLocation().file(); // disk-full and read-only hints: SQLite only
        CommandContext context(paths, _out, _err);
        const int exitCode = command->run(context, positional, given);
        // A verb that printed its own usage message returns ExitUsage.
        if (exitCode == ExitUsage) _err << usageLine(*command);
        return exitCode;
    } catch (const UsageError& e) {
        _err << "jobhost: " << e.what() << "\n";
        return ExitUsage;
    } catch (const UsageException& e) {
        _err << "jobhost: " << e.message() << "\n";
        if (command) _err << usageLine(*command);
        return ExitUsage;
    } catch (const Poco::Util::OptionException& e) {
        _err << "jobhost: " << e.displayText() << "\n";
        if (command) _err << usageLine(*command);
        return ExitUsage;
    } catch (const ConfigException& e) {
        return fail(e, ExitConfig);
    } catch (const ManifestException& e) {
        return fail(e, ExitConfig);
    } catch (const PluginLoadException& e) {
        return fail(e, ExitConfig);
    } catch (const NotFoundException& e) {
        return fail(e, ExitConfig);
    } catch (const HostException& e) {
        return fail(e, ExitSoftware);
    } catch (const Poco::Exception& e) {
        _err << "jobhost: internal error: " << e.displayText() << "\n";
        hint(e.displayText());
        return ExitSoftware;
    } catch (const std::exception& e) {
        _err << "jobhost: internal error: " << e.what() << "\n";
        hint(e.what());
        return ExitSoftware;
    }
}

} // namespace jobhost::host
