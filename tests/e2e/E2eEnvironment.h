// E2eEnvironment.h — where the e2e tests find the built host and plugin.
// Set once by Driver.cpp from the runner's arguments before any test runs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "jobhost/testing/StoreUnderTest.h"
#include "store/StoreLocation.h"

namespace jobhost::tests::e2e {

struct E2eEnvironment {
    inline static std::string jobhostExecutable; ///< the built `jobhost` binary
    inline static std::string pluginDirectory;   ///< folder holding the built postup plugin
    inline static std::string manifestDirectory; ///< the repository's manifests/ folder

    /// The store of the jobhost home `home` on the engine $JOBHOST_TEST_STORE
    /// asks for: <home>/jobhost.db, or a PostgreSQL database of its own that
    /// JobhostCliRunner hands the child as $JOBHOST_STORE.
    static host::StoreLocation storeOf(const std::string& home) {
        return host::StoreLocation::parse(testing::StoreUnderTest::locationFor(home));
    }
};

} // namespace jobhost::tests::e2e
