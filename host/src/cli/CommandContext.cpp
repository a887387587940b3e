// jobhost host — CommandContext.cpp
// SPDX-License-Identifier: Apache-2.0
#include "cli/CommandContext.h"

#include "audiences/ProfileSync.h"

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

StoreLocation HostPaths::storeLocation() const {
    return store.empty() ? StoreLocation::sqliteFile(Store::defaultFile(dataDirectory)) : StoreLocation::parse(store, storeSource);
}

Store& CommandContext::store() {
    if (!_pStore) _pStore = std::make_unique<Store>(_paths.storeLocation());
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
        // Profiles and audiences follow every import that wrote records.
        _pRuntime->afterImportRun = [this, &openedStore, &registry](const RunResult& run) {
            audiences::ProfileSync::Result r = audiences::ProfileSync::afterImport(openedStore, registry);
            std::lock_guard<std::mutex> lock(_outMutex);
            _out << "job " << run.jobName << ": profiles updated from " << r.build.events << " events (" << r.build.created
                 << " created, " << r.build.merged << " merged)" << std::endl;
            for (const auto& error : r.audienceErrors) _out << "job " << run.jobName << ": audience skipped: " << error << std::endl;
        };
    }
    return *_pRuntime;
}

} // namespace jobhost::host
