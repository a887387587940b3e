// jobhost host — WebRoot.h
// Where the console's static web UI files are.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::host {

/// Finds the web UI folder. Stateless; thread-safe.
class WebRoot {
public:
    /// The first that applies: `option` (e.g. --web-root) when non-empty;
    /// $JOBHOST_WEB_ROOT; the running program's HostLayout web root
    /// (<prefix>/share/jobhost/web installed, the source tree's
    /// host/src/console/web for a build-tree binary). Throws ConfigException
    /// naming the folder when the chosen one has no index.html.
    static std::string locate(const std::string& option = {});
};

} // namespace jobhost::host
