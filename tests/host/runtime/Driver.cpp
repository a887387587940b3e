// tests/host/runtime — Driver.cpp
// Runner for the job runner, scheduler, apply, secrets redaction and crash recovery.
// usage: jobhost_runtime_tests JOBHOST_EXE FIXTURE_PLUGIN_DIR RUNTIME_MANIFEST_DIR [TEST-NAME]
// SPDX-License-Identifier: Apache-2.0
#include "RuntimeEnvironment.h"

#include "jobhost/testing/TestMain.h"

namespace jobhost::tests {
CppUnit::Test* runtimeTestSuite();
}

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(
        argc, argv, {"JOBHOST_EXE", "FIXTURE_PLUGIN_DIR", "RUNTIME_MANIFEST_DIR"}, [](const auto& arguments) {
            jobhost::tests::RuntimeEnvironment::jobhostExecutable = arguments[0];
            jobhost::tests::RuntimeEnvironment::pluginDirectory = arguments[1];
            jobhost::tests::RuntimeEnvironment::manifestDirectory = arguments[2];
            return jobhost::tests::runtimeTestSuite();
        });
}
