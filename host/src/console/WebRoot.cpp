// jobhost host — WebRoot.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/WebRoot.h"

#include <boost/dll/runtime_symbol_info.hpp>

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include "app/HostException.h"

#ifndef JOBHOST_BUILD_WEB_ROOT
#define JOBHOST_BUILD_WEB_ROOT "web"
#endif

namespace jobhost::host {
namespace {

bool hasIndex(const std::string& folder) {
    return Poco::File(Poco::Path(Poco::Path(folder).makeDirectory(), "index.html")).exists();
}

} // namespace

std::string WebRoot::buildTreeRoot() { return JOBHOST_BUILD_WEB_ROOT; }

std::string WebRoot::locate(const std::string& option) {
    std::string chosen = option;
    if (chosen.empty()) chosen = Poco::Environment::get("JOBHOST_WEB_ROOT", "");
    if (chosen.empty()) {
        Poco::Path bin = Poco::Path(boost::dll::program_location().string()).parent();
        std::string installed = Poco::Path(bin).popDirectory().pushDirectory("share").pushDirectory("jobhost").pushDirectory("web").toString();
        chosen = hasIndex(installed) ? installed : buildTreeRoot();
    }
    if (!hasIndex(chosen))
        throw ConfigException("console web root " + chosen + " has no index.html; pass --web-root DIR or set JOBHOST_WEB_ROOT");
    return Poco::Path(chosen).makeDirectory().toString();
}

} // namespace jobhost::host
