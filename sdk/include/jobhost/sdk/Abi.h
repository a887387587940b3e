// jobhost SDK — Abi.h
// The one ABI integer of the plugin contract and the names of the exported
// symbols. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include <boost/version.hpp>

/// The plugin ABI version. Bump it on ANY change to a header under
/// sdk/include/jobhost/sdk (scripts/check-sdk-abi enforces this): a C++
/// vtable or layout change is never append-safe. The host accepts a plugin
/// only when its ABI equals this number exactly.
#define JOBHOST_SDK_ABI_VERSION 1

#define JOBHOST_SDK_STRINGIFY_(x) #x
#define JOBHOST_SDK_STRINGIFY(x) JOBHOST_SDK_STRINGIFY_(x)

/// Build id: what must match besides the ABI number for a C++ interface to be
/// safe to call across a shared-library boundary (compiler, libstdc++ dual
/// ABI, Boost version). Computed by the same macro in host and plugin.
#define JOBHOST_SDK_BUILD_ID                                                        \
    "gcc-" JOBHOST_SDK_STRINGIFY(__GNUC__) "." JOBHOST_SDK_STRINGIFY(__GNUC_MINOR__) \
    ";cxx11abi-" JOBHOST_SDK_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)                       \
    ";boost-" JOBHOST_SDK_STRINGIFY(BOOST_VERSION)

/// Section that holds every exported alias (Boost.DLL sections are <= 8 bytes).
#define JOBHOST_SDK_SECTION jhplug

namespace jobhost::sdk {

struct PluginInfo;
class Plugin;

/// Exported alias: returns a pointer to a static PluginInfo owned by the
/// plugin. Must not throw; callable before anything else.
inline constexpr const char* kPluginInfoSymbol = "jobhost_plugin_info";
/// Exported alias: creates the plugin object. The caller owns the result and
/// deletes it through Plugin's virtual destructor before unloading the
/// library. Returns nullptr on failure; never throws.
inline constexpr const char* kCreatePluginSymbol = "jobhost_create_plugin";
/// Exported alias whose *name* carries the ABI, so the host can refuse a
/// mismatching file by reading its symbol table, without running its code.
inline constexpr const char* kAbiMarkerSymbol = "jobhost_abi_v" JOBHOST_SDK_STRINGIFY(JOBHOST_SDK_ABI_VERSION);

using PluginInfoFunction = const PluginInfo*();
using CreatePluginFunction = Plugin*();

} // namespace jobhost::sdk
