// jobhost host — PluginLoader.cpp
// SPDX-License-Identifier: Apache-2.0
#include "plugins/PluginLoader.h"

#include <algorithm>
#include <cstring>

#include <boost/dll/import.hpp>
#include <boost/dll/library_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <boost/filesystem.hpp>

#include "app/HostException.h"
#include "plugins/ElfDynamicSymbols.h"
#include "jobhost/sdk/Abi.h"
#include "jobhost/sdk/PluginInfo.h"

namespace jobhost::host {
namespace {

namespace fs = boost::filesystem;

const std::string kAbiPrefix = "jobhost_abi_v";

std::string hostAbi() { return std::to_string(JOBHOST_SDK_ABI_VERSION); }

std::string rebuildHint(const ProviderManifest& m) {
    return "rebuild the plugin \"" + m.library + "\" against jobhost-sdk ABI " + hostAbi() +
           " with the same compiler as the host (" JOBHOST_SDK_BUILD_ID ")";
}

} // namespace

PluginLoader::PluginLoader(std::string pluginDirectory) : _directory(std::move(pluginDirectory)) {}

std::string PluginLoader::resolve(const ProviderManifest& manifest) const {
    const std::string& name = manifest.library;
    bool plain = !name.empty() && name.size() <= 64 &&
                 std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
    if (!plain)
        throw PluginLoadException(manifest.path + ": library \"" + name +
                                  "\" is not a plain file name; plugins load only from " + _directory +
                                  " (use the library's base name, e.g. \"postup\")");
    return (fs::path(_directory) / (name + ".so")).string();
}

std::shared_ptr<LoadedPlugin> PluginLoader::load(const ProviderManifest& manifest) const {
    const std::string file = resolve(manifest);
    boost::system::error_code ec;
    fs::path dir = fs::canonical(_directory, ec);
    if (ec) throw PluginLoadException(_directory + ": plugin directory does not exist; set --plugin-dir to the folder holding the .so files");
    if (!fs::exists(file))
        throw PluginLoadException(file + ": plugin library not found for provider \"" + manifest.name +
                                  "\"; build it (cmake --build build) or point --plugin-dir at the folder that holds it");
    fs::path real = fs::canonical(file, ec);
    if (ec || real.parent_path() != dir)
        throw PluginLoadException(file + ": resolves outside the plugin directory " + dir.string() + "; refusing to load it");

    // 1. Before running any of its code: is it a shared library with our marker?
    std::vector<std::string> symbols;
    try {
        boost::dll::library_info info(real, /*throw_if_not_native=*/true);
        std::vector<std::string> sections = info.sections();
        if (std::find(sections.begin(), sections.end(), JOBHOST_SDK_STRINGIFY(JOBHOST_SDK_SECTION)) == sections.end())
            throw PluginLoadException(file + ": not a jobhost plugin (no \"jhplug\" section with jobhost_ symbols); "
                                      "plugins must export their entry points with JOBHOST_PLUGIN from jobhost/sdk/Exports.h");
        symbols = info.symbols(JOBHOST_SDK_STRINGIFY(JOBHOST_SDK_SECTION));
        // A stripped plugin (as packages ship it) has no .symtab, which is all
        // library_info reads; its dynamic symbols carry the same aliases.
        if (std::none_of(symbols.begin(), symbols.end(), [](const std::string& s) { return s.rfind(kAbiPrefix, 0) == 0; }))
            symbols = ElfDynamicSymbols::inSection(real.string(), JOBHOST_SDK_STRINGIFY(JOBHOST_SDK_SECTION));
    } catch (const PluginLoadException&) {
        throw;
    } catch (const std::exception& e) {
        throw PluginLoadException(file + ": not a shared library this host can load (" + e.what() +
                                  "); expected an ELF shared object built by jobhost_add_plugin()");
    }
    std::string foundAbi;
    for (const auto& s : symbols)
        if (s.rfind(kAbiPrefix, 0) == 0) foundAbi = s.substr(kAbiPrefix.size());
    if (foundAbi.empty())
        throw PluginAbiException(file + ": no ABI marker (expected symbol " + std::string(sdk::kAbiMarkerSymbol) +
                                 "); the file was not built with JOBHOST_PLUGIN; " + rebuildHint(manifest));
    if (foundAbi != hostAbi())
        throw PluginAbiException(file + ": plugin ABI " + foundAbi + ", host expects " + hostAbi() + "; " + rebuildHint(manifest));

    // 2. Load it (RTLD_LOCAL: a plugin's symbols never satisfy another's).
    auto library = std::make_shared<boost::dll::shared_library>();
    try {
        library->load(real, boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        throw PluginLoadException(file + ": dlopen failed: " + e.what() +
                                  "; check that the libraries it links (ldd " + file + ") are installed");
    }
    if (!library->has(sdk::kPluginInfoSymbol))
        throw PluginAbiException(file + ": missing the info symbol " + std::string(sdk::kPluginInfoSymbol) + "; " + rebuildHint(manifest));
    if (!library->has(sdk::kCreatePluginSymbol))
        throw PluginAbiException(file + ": missing the factory symbol " + std::string(sdk::kCreatePluginSymbol) + "; " + rebuildHint(manifest));

    // 3. The info record: size, ABI, build id, identity — before any other call.
    auto& infoFunction = library->get_alias<sdk::PluginInfoFunction>(sdk::kPluginInfoSymbol);
    const sdk::PluginInfo* info = infoFunction();
    if (!info) throw PluginAbiException(file + ": " + sdk::kPluginInfoSymbol + " returned null; " + rebuildHint(manifest));
    if (info->structSize != sizeof(sdk::PluginInfo))
        throw PluginAbiException(file + ": PluginInfo size " + std::to_string(info->structSize) + ", host expects " +
                                 std::to_string(sizeof(sdk::PluginInfo)) + "; " + rebuildHint(manifest));
    if (info->abiVersion != JOBHOST_SDK_ABI_VERSION)
        throw PluginAbiException(file + ": plugin ABI " + std::to_string(info->abiVersion) + ", host expects " + hostAbi() + "; " + rebuildHint(manifest));
    const std::string buildId = info->buildId ? info->buildId : "";
    if (buildId != JOBHOST_SDK_BUILD_ID)
        throw PluginAbiException(file + ": plugin build id \"" + buildId + "\", host expects \"" JOBHOST_SDK_BUILD_ID "\"; " + rebuildHint(manifest));
    const std::string name = info->name ? info->name : "";
    const std::string version = info->version ? info->version : "";
    if (name != manifest.name)
        throw PluginLoadException(file + ": plugin calls itself \"" + name + "\", manifest " + manifest.path + " expects \"" +
                                  manifest.name + "\"; the manifest's library points at the wrong file");
    if (version != manifest.version)
        throw PluginLoadException(file + ": plugin version " + version + ", manifest " + manifest.path + " declares " +
                                  manifest.version + "; install the manifest that ships with this plugin build");

    // 4. Create the plugin object.
    auto& create = library->get_alias<sdk::CreatePluginFunction>(sdk::kCreatePluginSymbol);
    sdk::Plugin* plugin = create();
    if (!plugin) throw PluginLoadException(file + ": " + sdk::kCreatePluginSymbol + " returned null (the plugin failed to initialise)");
    return std::make_shared<LoadedPlugin>(manifest, real.string(), std::move(library), plugin, version);
}

} // namespace jobhost::host
