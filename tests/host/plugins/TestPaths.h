// tests/host/plugins — TestPaths.h
// Folders the runner receives on its command line (from CMake).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace jobhost::tests {

struct TestPaths {
    inline static std::string fixturePlugins;   ///< build/test-plugins
    inline static std::string manifests;        ///< the real manifests/ folder
    inline static std::string fixtureManifests; ///< tests/fixtures/manifests
};

} // namespace jobhost::tests
