// Driver.cpp — jobhost exports tests (export runner, PostUp ExportJob, crash tests).
// usage: jobhost_exports_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "ExportsTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(
        argc, argv, [] { return jobhost::host::exports::test::ExportsTestSuite::suite(); });
}
