// Driver.cpp — jobhost profiles tests (mapping language, merges, identity, FilterQL).
// usage: jobhost_profiles_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "ProfilesTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, [] { return ProfilesTestSuite::suite(); });
}
