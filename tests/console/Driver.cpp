// Driver.cpp — jobhost console tests: runner main (non-zero exit on any failure).
// SPDX-License-Identifier: Apache-2.0
#include "ConsoleTestSuite.h"

#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>
#include <cppunit/TextTestProgressListener.h>

#include <iostream>

int main(int argc, char** argv)
{
    CppUnit::TestRunner runner;
    CppUnit::Test* suite = ConsoleTestSuite::suite();
    if (argc > 1) {
        // Run only the named test (e.g. "ConsoleApiTest::testUnknownRoute").
        runner.addTest(suite->findTest(argv[1]));
    } else {
        runner.addTest(suite);
    }
    CppUnit::TestResult controller;
    CppUnit::TestResultCollector result;
    controller.addListener(&result);
    CppUnit::TextTestProgressListener progress;
    controller.addListener(&progress);
    runner.run(controller);
    CppUnit::CompilerOutputter outputter(&result, std::cerr);
    outputter.write();
    return result.wasSuccessful() ? 0 : 1;
}
