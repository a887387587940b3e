// jobhost host — LoadedPlugin.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/LoadedPlugin.h"

#include <exception>

namespace jobhost::host {

LoadedPlugin::LoadedPlugin(ProviderManifest manifest, std::string file, std::shared_ptr<boost::dll::shared_library> library,
                           sdk::Plugin* plugin, std::string pluginVersion)
    : _manifest(std::move(manifest)), _file(std::move(file)), _pLibrary(std::move(library)),
      _pluginVersion(std::move(pluginVersion)) {
    auto lib = _pLibrary;
    _pPlugin = std::shared_ptr<sdk::Plugin>(plugin, [lib](sdk::Plugin* p) { delete p; });
}

template <typename T, typename Factory>
std::shared_ptr<T> LoadedPlugin::wrap(const char* role, const std::string& name, std::string& error, Factory factory) const {
    std::unique_ptr<T> object;
    try {
        object = factory();
    } catch (const std::exception& e) {
        error = _manifest.name + ": creating " + role + " \"" + name + "\" threw: " + std::string(e.what());
        return nullptr;
    } catch (...) {
        error = _manifest.name + ": creating " + role + " \"" + name + "\" threw a non-standard exception";
        return nullptr;
    }
    if (!object) {
        error = _manifest.name + ": the plugin has no " + role + " \"" + name + "\"";
        return nullptr;
    }
    // The deleter keeps both the library and the Plugin alive until the object is gone.
    auto lib = _pLibrary;
    auto plugin = _pPlugin;
    return std::shared_ptr<T>(object.release(), [lib, plugin](T* p) { delete p; });
}

std::shared_ptr<sdk::Authorization> LoadedPlugin::createAuthorization(const std::string& method, std::string& error) const {
    return wrap<sdk::Authorization>("authorization method", method, error, [&] { return _pPlugin->createAuthorization(method); });
}

std::shared_ptr<sdk::ImportJob> LoadedPlugin::createImportJob(const std::string& type, std::string& error) const {
    return wrap<sdk::ImportJob>("import job type", type, error, [&] { return _pPlugin->createImportJob(type); });
}

std::shared_ptr<sdk::ExportJob> LoadedPlugin::createExportJob(const std::string& type, std::string& error) const {
    return wrap<sdk::ExportJob>("export job type", type, error, [&] { return _pPlugin->createExportJob(type); });
}

} // namespace jobhost::host
