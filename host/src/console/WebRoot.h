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
    /// $JOBHOST_WEB_ROOT; <prefix>/share/jobhost/web beside the running
    /// executable's bin/ folder when it holds index.html; the source tree's
    /// host/src/console/web (compiled in). Throws ConfigException naming the
    /// folder when the chosen one has no index.html.
    static std::string locate(const std::string& option = {});
    /// The source tree's web folder compiled into this binary.
    static std::string buildTreeRoot();
};

} // namespace jobhost::host
