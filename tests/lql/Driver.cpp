// Driver.cpp — jobhost lql tests (lexer, parser, evaluator, functions, date parser).
// usage: jobhost_lql_tests [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "LqlTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, [] { return LqlTestSuite::suite(); });
}
