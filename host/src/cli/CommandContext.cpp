// jobhost host — CommandContext.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/CommandContext.h"

namespace jobhost::host {

CommandContext::CommandContext(HostPaths paths, std::ostream& out, std::ostream& err)
    : _paths(std::move(paths)), _out(out), _err(err) {}

CommandContext::~CommandContext() = default;

PluginRegistry& CommandContext::plugins() {
    if (!_pPlugins) {
        auto registry = std::make_unique<PluginRegistry>(_paths.manifestDirectory, _paths.pluginDirectory);
        registry->loadAll();
        _pPlugins = std::move(registry);
    }
    return *_pPlugins;
}

PluginRegistry& CommandContext::manifests() {
    if (_pPlugins) return *_pPlugins;
    if (!_pManifests) {
        auto registry = std::make_unique<PluginRegistry>(_paths.manifestDirectory, _paths.pluginDirectory);
        registry->loadManifestsOnly();
        _pManifests = std::move(registry);
    }
    return *_pManifests;
}

} // namespace jobhost::host
