// Driver.cpp — jobhost PostUp connector tests (authorization, import, ground truth).
// usage: jobhost_postup_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "PostupTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(
        argc, argv, [] { return jobhost::plugins::postup::test::PostupTestSuite::suite(); });
}
