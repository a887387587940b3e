// jobhost host — LoadedPlugin.h
// A plugin library that passed the ABI checks, and the objects it creates.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include <boost/dll/shared_library.hpp>

#include "jobhost/sdk/Plugin.h"
#include "plugins/ProviderManifest.h"

namespace jobhost::host {

/// Owns a loaded library and its Plugin object. Every object created through
/// it is a shared_ptr whose deleter holds the library, so the code of that
/// object stays mapped until its last owner lets go — even if the
/// LoadedPlugin itself is destroyed first. Factories are thread-safe.
class LoadedPlugin {
public:
    LoadedPlugin(ProviderManifest manifest, std::string file, std::shared_ptr<boost::dll::shared_library> library,
                 sdk::Plugin* plugin, std::string pluginVersion);

    const ProviderManifest& manifest() const { return _manifest; }
    const std::string& file() const { return _file; }
    const std::string& pluginVersion() const { return _pluginVersion; }

    /// nullptr when the plugin does not know the name or its factory threw
    /// (the exception is caught here; `error` gets the reason).
    std::shared_ptr<sdk::Authorization> createAuthorization(const std::string& method, std::string& error) const;
    std::shared_ptr<sdk::ImportJob> createImportJob(const std::string& type, std::string& error) const;
    std::shared_ptr<sdk::ExportJob> createExportJob(const std::string& type, std::string& error) const;

private:
    template <typename T, typename Factory>
    std::shared_ptr<T> wrap(const char* role, const std::string& name, std::string& error, Factory factory) const;

    ProviderManifest _manifest;
    std::string _file;
    std::shared_ptr<boost::dll::shared_library> _pLibrary;
    std::shared_ptr<sdk::Plugin> _pPlugin;
    std::string _pluginVersion;
};

} // namespace jobhost::host
