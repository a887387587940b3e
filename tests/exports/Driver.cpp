// jobhost exports tests — Driver.cpp
// CppUnit runner; exit code 1 on any failure. usage: jobhost_exports_tests [TEST-NAME]
// SPDX-License-Identifier: Apache-2.0
#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>

#include <iostream>
#include <stdexcept>

#include "ExportsTestSuite.h"

int main(int argc, char** argv) {
    const std::string only = argc > 1 ? argv[1] : "";
    CppUnit::TestResult controller;
    CppUnit::TestResultCollector result;
    controller.addListener(&result);
    CppUnit::BriefTestProgressListener progress;
    controller.addListener(&progress);
    CppUnit::TestRunner runner;
    runner.addTest(jobhost::host::exports::test::ExportsTestSuite::suite());
    try {
        runner.run(controller, only);
    } catch (const std::invalid_argument& e) {
        std::cerr << "unknown test: " << only << " (" << e.what() << ")\n";
        return 2;
    }
    CppUnit::CompilerOutputter(&result, std::cerr).write();
    return result.wasSuccessful() ? 0 : 1;
}
