// E2eEnvironment.h — where the e2e tests find the built host and plugin.
// Set once by Driver.cpp from the runner's arguments before any test runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::tests::e2e {

struct E2eEnvironment {
    inline static std::string jobhostExecutable; ///< the built `jobhost` binary
    inline static std::string pluginDirectory;   ///< folder holding the built postup plugin
    inline static std::string manifestDirectory; ///< the repository's manifests/ folder
};

} // namespace jobhost::tests::e2e
