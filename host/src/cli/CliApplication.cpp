// jobhost host — CliApplication.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/CliApplication.h"

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <boost/dll/runtime_symbol_info.hpp>

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include "app/HostException.h"
#include "cli/BuiltinCommands.h"
#include "store/Store.h"
#include "store/StoreFaultHint.h"

#ifndef JOBHOST_BUILD_MANIFEST_DIR
#define JOBHOST_BUILD_MANIFEST_DIR "manifests"
#endif

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

} // namespace

CliApplication::CliApplication(std::ostream& out, std::ostream& err) : _out(out), _err(err) {}
CliApplication::~CliApplication() = default;

void CliApplication::add(std::unique_ptr<Command> command) { _commands.push_back(std::move(command)); }

void CliApplication::addBuiltins() {
    for (auto& command : builtinCommands()) add(std::move(command));
}

Command* CliApplication::find(const std::string& name) const {
    for (const auto& c : _commands)
        if (c->name() == name) return c.get();
    return nullptr;
}

HostPaths CliApplication::defaultPaths(const std::string& executable) {
    HostPaths paths;
    paths.dataDirectory = Poco::Environment::get("JOBHOST_HOME", ".jobhost");
    Poco::Path exe(executable);
    if (executable.find('/') == std::string::npos) exe = Poco::Path(boost::dll::program_location().string());
    Poco::Path binDir = exe.absolute().parent();
    // build/bin/jobhost → build/plugins; <prefix>/bin/jobhost → <prefix>/lib/jobhost/plugins
    std::string besideBin = Poco::Path(binDir).popDirectory().pushDirectory("plugins").toString();
    std::string installed = Poco::Path(binDir).popDirectory().pushDirectory("lib").pushDirectory("jobhost").pushDirectory("plugins").toString();
    std::string pluginDefault = Poco::File(besideBin).exists() || !Poco::File(installed).exists() ? besideBin : installed;
    paths.pluginDirectory = Poco::Environment::get("JOBHOST_PLUGIN_DIR", pluginDefault);
    paths.manifestDirectory = Poco::Environment::get("JOBHOST_MANIFEST_DIR", JOBHOST_BUILD_MANIFEST_DIR);
    return paths;
}

void CliApplication::printHelp() {
    _out << "jobhost " JOBHOST_VERSION " — integration job host\n\n"
         << "usage: jobhost [--data-dir DIR] [--plugin-dir DIR] [--manifest-dir DIR] <command> [options] [arguments]\n\n"
         << "commands:\n";
    for (const auto& c : _commands) _out << "  " << std::left << std::setw(12) << c->name() << c->summary() << "\n";
    _out << "\nRun 'jobhost <command> --help' for a command's options.\n"
         << "Environment: JOBHOST_HOME, JOBHOST_PLUGIN_DIR, JOBHOST_MANIFEST_DIR, JOBHOST_SECRET_KEY.\n";
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
    try {
        HostPaths paths = defaultPaths(args.empty() ? std::string("jobhost") : args[0]);
        std::size_t i = 1;
        for (; i < args.size() && args[i].rfind("--", 0) == 0; ++i) {
            if (args[i] == "--help" || args[i] == "-h") { printHelp(); return ExitOk; }
            if (args[i] == "--version") { _out << "jobhost " JOBHOST_VERSION "\n"; return ExitOk; }
            if (takeGlobal(args, i, "data-dir", paths.dataDirectory) || takeGlobal(args, i, "plugin-dir", paths.pluginDirectory) ||
                takeGlobal(args, i, "manifest-dir", paths.manifestDirectory))
                continue;
            throw UsageError("unknown global option " + args[i] + " (global options: --data-dir, --plugin-dir, --manifest-dir, --help, --version)");
        }
        if (i >= args.size()) {
            printHelp();
            return ExitUsage;
        }
        Command* command = find(args[i]);
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
        _storeFile = Store::defaultFile(paths.dataDirectory);
        CommandContext context(paths, _out, _err);
        return command->run(context, positional, given);
    } catch (const UsageError& e) {
        _err << "jobhost: " << e.what() << "\n";
        return ExitUsage;
    } catch (const Poco::Util::OptionException& e) {
        _err << "jobhost: " << e.displayText() << "; see --help\n";
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
