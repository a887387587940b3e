// tests/host/plugins — Driver.cpp
// Runner for plugin loading, manifests, config schemas, the declarative config and the CLI.
// usage: jobhost_plugins_tests FIXTURE_PLUGIN_DIR MANIFEST_DIR FIXTURE_MANIFEST_DIR [TEST-NAME]
// SPDX-License-Identifier: Apache-2.0
#include "TestPaths.h"

#include "jobhost/testing/TestMain.h"

namespace jobhost::tests {
CppUnit::Test* pluginsTestSuite();
}

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(
        argc, argv, {"FIXTURE_PLUGIN_DIR", "MANIFEST_DIR", "FIXTURE_MANIFEST_DIR"}, [](const auto& arguments) {
            jobhost::tests::TestPaths::fixturePlugins = arguments[0];
            jobhost::tests::TestPaths::manifests = arguments[1];
            jobhost::tests::TestPaths::fixtureManifests = arguments[2];
            return jobhost::tests::pluginsTestSuite();
        });
}
