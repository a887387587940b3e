// jobhost host — CommandContext.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/CommandContext.h"

#include "transport/DefaultRandomSource.h"
#include "transport/SystemClock.h"

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

Store& CommandContext::store() {
    if (!_pStore) _pStore = std::make_unique<Store>(Store::defaultFile(_paths.dataDirectory));
    return *_pStore;
}

SecretBox& CommandContext::secrets() {
    if (!_pSecrets) _pSecrets = std::make_unique<SecretBox>(SecretKey::load(_paths.dataDirectory));
    return *_pSecrets;
}

RuntimeServices& CommandContext::runtime() {
    if (!_pRuntime) {
        Store& openedStore = store();
        SecretBox& box = secrets();
        PluginRegistry& registry = plugins();
        auto clock = SystemClock::instance();
        auto random = DefaultRandomSource::instance();
        _pTransports = std::make_unique<TransportFactory>(clock, random);
        _pRuntime = std::unique_ptr<RuntimeServices>(new RuntimeServices{openedStore, registry, box, *_pTransports, clock, random,
                                                                         RuntimeServices::currentHostName(), RuntimeServices::currentWorker()});
    }
    return *_pRuntime;
}

} // namespace jobhost::host
