// Driver.cpp — jobhost console tests (REST API, token, metrics).
// usage: jobhost_console_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "ConsoleTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, [] { return ConsoleTestSuite::suite(); });
}
