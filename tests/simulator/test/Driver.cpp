// Driver.cpp — jobhost postup-sim tests: CppUnit runner; exit code 1 on any failure.
// SPDX-License-Identifier: Apache-2.0
#include "CommandLineTest.h"
#include "SimulatorTestSuite.h"

#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>

#include <iostream>

// usage: jobhost_simulator_tests [PATH-TO-postup-sim] [TEST-NAME]
int main(int argc, char** argv) {
  if (argc > 1) jobhost::sim::test::CommandLineTest::executable = argv[1];
  const std::string only = argc > 2 ? argv[2] : "";
  CppUnit::TestResult controller;
  CppUnit::TestResultCollector result;
  controller.addListener(&result);
  CppUnit::BriefTestProgressListener progress;
  controller.addListener(&progress);
  CppUnit::TestRunner runner;
  runner.addTest(jobhost::sim::test::SimulatorTestSuite::suite());
  try {
    runner.run(controller, only);
  } catch (const std::invalid_argument& e) {
    std::cerr << "unknown test: " << only << " (" << e.what() << ")\n";
    return 2;
  }
  CppUnit::CompilerOutputter(&result, std::cerr).write();
  return result.wasSuccessful() ? 0 : 1;
}
