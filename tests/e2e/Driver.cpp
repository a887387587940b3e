// tests/e2e — Driver.cpp
// Runner for the whole-pipeline tests (import → profiles → audiences → export).
// usage: jobhost_e2e_tests JOBHOST_EXE PLUGIN_DIR MANIFEST_DIR [TEST-NAME]
// SPDX-License-Identifier: Apache-2.0
#include "E2eEnvironment.h"
#include "E2eTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(
        argc, argv, {"JOBHOST_EXE", "PLUGIN_DIR", "MANIFEST_DIR"}, [](const auto& arguments) {
            jobhost::tests::e2e::E2eEnvironment::jobhostExecutable = arguments[0];
            jobhost::tests::e2e::E2eEnvironment::pluginDirectory = arguments[1];
            jobhost::tests::e2e::E2eEnvironment::manifestDirectory = arguments[2];
            return jobhost::tests::e2e::E2eTestSuite::suite();
        });
}
