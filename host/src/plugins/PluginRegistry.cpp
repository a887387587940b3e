// jobhost host — PluginRegistry.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/PluginRegistry.h"

#include "app/HostException.h"
#include "plugins/ManifestReader.h"

namespace jobhost::host {

PluginRegistry::PluginRegistry(std::string manifestDirectory, std::string pluginDirectory)
    : _manifestDirectory(std::move(manifestDirectory)), _loader(std::move(pluginDirectory)) {}

void PluginRegistry::readManifests() {
    _entries.clear();
    for (const auto& file : ManifestReader::listManifestFiles(_manifestDirectory)) {
        ProviderEntry entry;
        entry.manifestFile = file;
        try {
            entry.manifest = ManifestReader::readFile(file);
            for (const auto& other : _entries)
                if (other.manifest && other.manifest->name == entry.manifest->name)
                    throw ManifestException(file + ": provider \"" + entry.manifest->name + "\" is already declared by " + other.manifestFile);
        } catch (const HostException& e) {
            entry.manifest.reset();
            entry.error = e.message();
        }
        _entries.push_back(std::move(entry));
    }
}

void PluginRegistry::loadManifestsOnly() { readManifests(); }

void PluginRegistry::loadAll() {
    readManifests();
    for (auto& entry : _entries) {
        if (!entry.manifest) continue;
        try {
            entry.plugin = _loader.load(*entry.manifest);
        } catch (const HostException& e) {
            entry.error = e.message();
        }
    }
}

const ProviderEntry& PluginRegistry::entry(const std::string& provider) const {
    for (const auto& e : _entries)
        if (e.manifest && e.manifest->name == provider) return e;
    std::string known;
    for (const auto& e : _entries)
        if (e.manifest) known += (known.empty() ? "" : ", ") + e.manifest->name;
    throw NotFoundException("unknown provider \"" + provider + "\" (known: " + (known.empty() ? "none" : known) +
                            "; manifests are read from " + _manifestDirectory + ")");
}

const ProviderManifest& PluginRegistry::manifest(const std::string& provider) const { return *entry(provider).manifest; }

std::shared_ptr<LoadedPlugin> PluginRegistry::plugin(const std::string& provider) const {
    const ProviderEntry& e = entry(provider);
    if (!e.plugin) throw PluginLoadException(e.error.empty() ? "provider \"" + provider + "\": plugin not loaded" : e.error);
    return e.plugin;
}

} // namespace jobhost::host
