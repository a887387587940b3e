// tests/host/store — Driver.cpp
// Runner for the store, repositories and secret sealing.
// usage: jobhost_store_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/testing/TestMain.h"

namespace jobhost::tests {
CppUnit::Test* storeTestSuite();
}

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, [] { return jobhost::tests::storeTestSuite(); });
}
