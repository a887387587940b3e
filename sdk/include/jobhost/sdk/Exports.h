// jobhost SDK — Exports.h
// The one macro a plugin uses to export its entry points.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/dll/alias.hpp>
#include <boost/version.hpp>

#include "jobhost/sdk/Abi.h"
#include "jobhost/sdk/Plugin.h"
#include "jobhost/sdk/PluginInfo.h"

/// Use once, in the plugin's PluginExports.cpp only:
///   JOBHOST_PLUGIN(MyPlugin, "postup", "1.0.0")
/// where MyPlugin derives from jobhost::sdk::Plugin and is default
/// constructible. Exports jobhost_plugin_info, jobhost_create_plugin and the
/// ABI marker alias into the jhplug section. The factory catches every
/// exception and returns nullptr instead.
#define JOBHOST_PLUGIN(PluginClass, providerName, pluginVersion)                                   \
    namespace jobhost_plugin_entry {                                                               \
    const ::jobhost::sdk::PluginInfo* pluginInfo() {                                               \
        static const ::jobhost::sdk::PluginInfo info{sizeof(::jobhost::sdk::PluginInfo),           \
                                                     JOBHOST_SDK_ABI_VERSION, providerName,        \
                                                     pluginVersion, JOBHOST_SDK_BUILD_ID};         \
        return &info;                                                                              \
    }                                                                                              \
    ::jobhost::sdk::Plugin* createPlugin() {                                                       \
        try {                                                                                      \
            return new PluginClass();                                                              \
        } catch (...) {                                                                            \
            return nullptr;                                                                        \
        }                                                                                          \
    }                                                                                              \
    const int abiMarker = JOBHOST_SDK_ABI_VERSION;                                                 \
    }                                                                                              \
    BOOST_DLL_ALIAS_SECTIONED(jobhost_plugin_entry::pluginInfo, jobhost_plugin_info, jhplug)       \
    BOOST_DLL_ALIAS_SECTIONED(jobhost_plugin_entry::createPlugin, jobhost_create_plugin, jhplug)   \
    JOBHOST_PLUGIN_ABI_MARKER_(JOBHOST_SDK_ABI_VERSION)

#define JOBHOST_PLUGIN_ABI_MARKER_(abi) JOBHOST_PLUGIN_ABI_MARKER_IMPL_(abi)
#define JOBHOST_PLUGIN_ABI_MARKER_IMPL_(abi) \
    BOOST_DLL_ALIAS_SECTIONED(jobhost_plugin_entry::abiMarker, jobhost_abi_v##abi, jhplug)
