// Driver.cpp — jobhost audiences tests (profile store, membership, outbox).
// usage: jobhost_audiences_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "AudiencesTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, [] { return AudiencesTestSuite::suite(); });
}
