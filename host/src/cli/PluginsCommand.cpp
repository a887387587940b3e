// jobhost host — PluginsCommand.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/PluginsCommand.h"

#include <ostream>

#include "app/HostException.h"
#include "cli/CliApplication.h"
#include "jobhost/sdk/Abi.h"

namespace jobhost::host {

int PluginsCommand::run(CommandContext& context, const std::vector<std::string>& arguments,
                        const std::multimap<std::string, std::string>&) {
    if (!arguments.empty()) throw UsageException("plugins takes no arguments");
    PluginRegistry& registry = context.plugins();
    std::ostream& out = context.out();
    out << "host ABI " << JOBHOST_SDK_ABI_VERSION << ", build " << JOBHOST_SDK_BUILD_ID << "\n"
        << "manifests: " << registry.manifestDirectory() << "\nplugins:   " << registry.pluginDirectory() << "\n";
    int failures = 0;
    if (registry.entries().empty()) out << "\n(no provider manifests found)\n";
    for (const auto& entry : registry.entries()) {
        out << "\n";
        if (!entry.manifest) {
            out << "[error] " << entry.manifestFile << "\n  " << entry.error << "\n";
            ++failures;
            continue;
        }
        const ProviderManifest& m = *entry.manifest;
        out << (entry.plugin ? "[ok]    " : "[error] ") << m.name << " " << m.version << " (" << m.title << ")\n"
            << "  abi " << m.abi << ", library " << m.library << (entry.plugin ? " -> " + entry.plugin->file() : "") << "\n  roles:";
        for (const auto& a : m.authMethods) out << " authorization:" << a.name;
        for (const auto& t : m.jobTypes) out << " " << (t.role == JobRole::Import ? "import:" : "export:") << t.name;
        out << "\n";
        if (!m.streams.empty()) {
            out << "  streams:";
            for (const auto& s : m.streams) out << " " << s.name;
            out << "\n";
        }
        if (!entry.plugin) {
            out << "  load error: " << entry.error << "\n";
            ++failures;
        }
    }
    return failures ? CliApplication::ExitConfig : CliApplication::ExitOk;
}

} // namespace jobhost::host
