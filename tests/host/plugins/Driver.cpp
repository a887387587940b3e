// tests/host/plugins — Driver.cpp
// Runner for plugin loading, manifests, config schemas and the CLI.
// usage: jobhost_plugins_tests FIXTURE_PLUGIN_DIR MANIFEST_DIR FIXTURE_MANIFEST_DIR
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TextTestProgressListener.h>
#include <cppunit/TextTestRunner.h>

#include "TestPaths.h"

namespace jobhost::tests {
std::string TestPaths::fixturePlugins;
std::string TestPaths::manifests;
std::string TestPaths::fixtureManifests;
CppUnit::Test* pluginsTestSuite();
} // namespace jobhost::tests

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: " << argv[0] << " FIXTURE_PLUGIN_DIR MANIFEST_DIR FIXTURE_MANIFEST_DIR\n";
        return 64;
    }
    jobhost::tests::TestPaths::fixturePlugins = argv[1];
    jobhost::tests::TestPaths::manifests = argv[2];
    jobhost::tests::TestPaths::fixtureManifests = argv[3];
    CppUnit::TextTestRunner runner;
    runner.addTest(jobhost::tests::pluginsTestSuite());
    runner.setOutputter(new CppUnit::CompilerOutputter(&runner.result(), std::cerr));
    CppUnit::TextTestProgressListener progress;
    runner.eventManager().addListener(&progress);
    return runner.run("", false, true, false) ? 0 : 1;
}
