// Driver.cpp — jobhost postup-sim tests.
// usage: jobhost_simulator_tests PATH-TO-postup-sim [TEST-NAME]; exit codes in jobhost/testing/TestMain.h.
// SPDX-License-Identifier: Apache-2.0
#include "CommandLineTest.h"
#include "SimulatorTestSuite.h"

#include "jobhost/testing/TestMain.h"

int main(int argc, char** argv) {
    return jobhost::testing::runTestMain(argc, argv, {"PATH-TO-postup-sim"}, [](const auto& arguments) {
        jobhost::sim::test::CommandLineTest::executable = arguments[0];
        return jobhost::sim::test::SimulatorTestSuite::suite();
    });
}
