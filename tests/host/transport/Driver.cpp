// tests/host/transport — Driver.cpp
// Runner for clocks, retry policy, redaction, rate limits and the HTTP transport.
// usage: jobhost_transport_tests [TEST-NAME]   (e.g. PocoHttpTransportTest)
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/testing/TestMain.h"

namespace jobhost::tests {
CppUnit::Test* transportTestSuite();
}

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, [] { return jobhost::tests::transportTestSuite(); });
}
