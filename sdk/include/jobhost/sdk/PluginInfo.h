// jobhost SDK — PluginInfo.h
// Plain C-layout description a plugin exports; checked before any other call.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace jobhost::sdk {

/// Static, plugin-owned description of a plugin binary. Fixed-width integers
/// and C strings only, so the host can read it whatever the plugin's C++
/// settings. The host checks, in this order: structSize, abiVersion, buildId;
/// it calls nothing else in the plugin unless all three match.
/// The strings must stay valid while the library is loaded.
struct PluginInfo {
    std::uint32_t structSize;  ///< sizeof(PluginInfo) as the plugin saw it
    std::uint32_t abiVersion;  ///< JOBHOST_SDK_ABI_VERSION as the plugin saw it
    const char* name;          ///< provider name; equals the manifest's "name"
    const char* version;       ///< plugin version; equals the manifest's "version"
    const char* buildId;       ///< JOBHOST_SDK_BUILD_ID as the plugin saw it
};

} // namespace jobhost::sdk
