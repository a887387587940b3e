// jobhost host — WebRoot.cpp
// SPDX-License-Identifier: Apache-2.0
#include "console/WebRoot.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include "app/HostException.h"
#include "app/HostLayout.h"

namespace jobhost::host {
namespace {

bool hasIndex(const std::string& folder) {
    return Poco::File(Poco::Path(Poco::Path(folder).makeDirectory(), "index.html")).exists();
}

} // namespace

std::string WebRoot::locate(const std::string& option) {
    std::string chosen = option;
    if (chosen.empty()) chosen = Poco::Environment::get("JOBHOST_WEB_ROOT", "");
    if (chosen.empty()) chosen = HostLayout::ofRunningProgram().webRoot();
    if (!hasIndex(chosen))
        throw ConfigException("console web root " + chosen + " has no index.html; pass --web-root DIR or set JOBHOST_WEB_ROOT");
    return Poco::Path(chosen).makeDirectory().toString();
}

} // namespace jobhost::host
