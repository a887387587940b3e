// jobhost host — PluginLoader.h
// Loads a provider's plugin library with Boost.DLL after checking its ABI.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include "plugins/LoadedPlugin.h"
#include "plugins/ProviderManifest.h"

namespace jobhost::host {

/// Resolves and loads plugin libraries. Call from one thread (dlopen of C++
/// code is not something to race); the resulting LoadedPlugin is thread-safe.
class PluginLoader {
public:
    /// `pluginDirectory` is the only place libraries are loaded from.
    explicit PluginLoader(std::string pluginDirectory);

    /// The file a manifest's `library` resolves to: <dir>/<library>.so.
    /// Throws PluginLoadException when the name could escape the directory.
    std::string resolve(const ProviderManifest& manifest) const;

    /// Loads the manifest's library. Checks, before running any plugin code:
    /// the file is inside the plugin directory, is a shared library, and
    /// carries the jobhost ABI marker of this host's ABI. Then, after dlopen:
    /// the info symbol exists, the info struct size, ABI and build id match,
    /// and name/version match the manifest. Every failure throws
    /// PluginLoadException (PluginAbiException for mismatches) with one
    /// message naming the file, expected and found values, and the fix; the
    /// library is unloaded again and the host is unharmed.
    std::shared_ptr<LoadedPlugin> load(const ProviderManifest& manifest) const;

    const std::string& directory() const { return _directory; }

private:
    std::string _directory;
};

} // namespace jobhost::host
