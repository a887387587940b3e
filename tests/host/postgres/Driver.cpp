// tests/host/postgres — Driver.cpp
// Runner for PostgresServer and Poco's PostgreSQL connector (a real server).
// usage: jobhost_postgres_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/testing/TestMain.h"

namespace jobhost::tests {
CppUnit::Test* postgresTestSuite();
}

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, [] { return jobhost::tests::postgresTestSuite(); });
}
