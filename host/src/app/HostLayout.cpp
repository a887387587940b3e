// jobhost host — HostLayout.cpp
// SPDX-License-Identifier: Apache-2.0
#include "app/HostLayout.h"

#include <boost/dll/runtime_symbol_info.hpp>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

// Set by app/CMakeLists.txt; the fallbacks only keep the file compilable alone.
#ifndef JOBHOST_SOURCE_DIR
#define JOBHOST_SOURCE_DIR "."
#endif
#ifndef JOBHOST_BUILD_DIR
#define JOBHOST_BUILD_DIR "build"
#endif
#ifndef JOBHOST_INSTALL_PLUGIN_DIR
#define JOBHOST_INSTALL_PLUGIN_DIR "lib/jobhost/plugins"
#endif
#ifndef JOBHOST_INSTALL_DATA_DIR
#define JOBHOST_INSTALL_DATA_DIR "share/jobhost"
#endif

namespace jobhost::host {
namespace {

/// `base` joined with the relative folder path `relative` ("a/b/c").
std::string join(const std::string& base, const std::string& relative) {
    Poco::Path path(base);
    path.makeDirectory();
    Poco::Path tail(relative);
    tail.makeDirectory();
    path.append(tail);
    return path.toString();
}

bool exists(const std::string& path) {
    try {
        return Poco::File(path).exists();
    } catch (const Poco::Exception&) {
        return false; // unreadable parent, bad name: treated as absent
    }
}

} // namespace

HostLayout HostLayout::buildTree(const std::string& buildDirectory, Origin origin) {
    HostLayout layout;
    layout._origin = origin;
    layout._root = Poco::Path(buildDirectory).makeDirectory().toString();
    layout._pluginDirectory = join(buildDirectory, "plugins");
    layout._manifestDirectory = join(JOBHOST_SOURCE_DIR, "manifests");
    layout._webRoot = join(JOBHOST_SOURCE_DIR, "host/src/console/web");
    layout._exampleDirectory = join(JOBHOST_SOURCE_DIR, "manifests/examples");
    return layout;
}

HostLayout HostLayout::installed(const std::string& prefix) {
    HostLayout layout;
    layout._origin = Origin::Installed;
    layout._root = Poco::Path(prefix).makeDirectory().toString();
    layout._pluginDirectory = join(prefix, JOBHOST_INSTALL_PLUGIN_DIR);
    std::string data = join(prefix, JOBHOST_INSTALL_DATA_DIR);
    layout._manifestDirectory = join(data, "manifests");
    layout._webRoot = join(data, "web");
    layout._exampleDirectory = join(data, "examples");
    return layout;
}

HostLayout HostLayout::forExecutable(const std::string& executable) {
    Poco::Path binDirectory = Poco::Path(executable).absolute().parent();
    std::string above = Poco::Path(binDirectory).popDirectory().toString();
    if (binDirectory.depth() > 0 && binDirectory[binDirectory.depth() - 1] == "bin") {
        if (exists(Poco::Path(Poco::Path(above), "CMakeCache.txt").toString()) && exists(join(above, "plugins")))
            return buildTree(above, Origin::BuildTree);
        HostLayout candidate = installed(above);
        if (exists(candidate._pluginDirectory) || exists(candidate._manifestDirectory)) return candidate;
    }
    return buildTree(JOBHOST_BUILD_DIR, Origin::CompiledIn);
}

HostLayout HostLayout::ofRunningProgram() {
    std::string executable;
    try {
        executable = boost::dll::program_location().string();
    } catch (const std::exception&) {
        return buildTree(JOBHOST_BUILD_DIR, Origin::CompiledIn); // no /proc: keep the compiled-in defaults
    }
    return forExecutable(executable);
}

std::string HostLayout::describe() const {
    switch (_origin) {
    case Origin::BuildTree: return "build tree " + _root;
    case Origin::Installed: return "installed under " + _root;
    case Origin::CompiledIn: break;
    }
    return "compiled-in build tree " + _root;
}

} // namespace jobhost::host
