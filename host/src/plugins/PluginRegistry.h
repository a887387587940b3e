// jobhost host — PluginRegistry.h
// All providers the host knows: their manifests and loaded plugins.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plugins/LoadedPlugin.h"
#include "plugins/PluginLoader.h"
#include "plugins/ProviderManifest.h"

namespace jobhost::host {

/// One manifest file and what became of it. Exactly one of `plugin` and
/// `error` is set once loadAll() has run (a manifest that failed to parse has
/// no `manifest`).
struct ProviderEntry {
    std::string manifestFile;
    std::optional<ProviderManifest> manifest;
    std::shared_ptr<LoadedPlugin> plugin;
    std::string error;
};

/// Loads every manifest in a folder and each manifest's plugin, once, at
/// start-up from one thread (Boost.DLL rule B9). A broken manifest or plugin
/// is recorded with its message and does not stop the others. Read-only and
/// thread-safe after loadAll().
class PluginRegistry {
public:
    PluginRegistry(std::string manifestDirectory, std::string pluginDirectory);

    /// Reads manifests and loads plugins. Throws ConfigException only when
    /// the manifest directory itself is missing.
    void loadAll();
    /// Reads manifests only (no plugin code runs): for validation and docs.
    void loadManifestsOnly();

    const std::vector<ProviderEntry>& entries() const { return _entries; }
    /// The provider's manifest. Throws NotFoundException (unknown provider)
    /// or ManifestException (its manifest is broken; message says why).
    const ProviderManifest& manifest(const std::string& provider) const;
    /// The provider's loaded plugin. Throws like manifest(), or
    /// PluginLoadException with the recorded load error.
    std::shared_ptr<LoadedPlugin> plugin(const std::string& provider) const;

    const std::string& manifestDirectory() const { return _manifestDirectory; }
    const std::string& pluginDirectory() const { return _loader.directory(); }

private:
    const ProviderEntry& entry(const std::string& provider) const;
    void readManifests();

    std::string _manifestDirectory;
    PluginLoader _loader;
    std::vector<ProviderEntry> _entries;
};

} // namespace jobhost::host
