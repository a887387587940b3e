// tests/host/store — Driver.cpp
// Runner for the store, repositories and secret sealing.
// SPDX-License-Identifier: Apache-2.0
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TextTestProgressListener.h>
#include <cppunit/TextTestRunner.h>

#include <iostream>

namespace jobhost::tests {
CppUnit::Test* storeTestSuite();
}

int main() {
    CppUnit::TextTestRunner runner;
    runner.addTest(jobhost::tests::storeTestSuite());
    runner.setOutputter(new CppUnit::CompilerOutputter(&runner.result(), std::cerr));
    CppUnit::TextTestProgressListener progress;
    runner.eventManager().addListener(&progress);
    return runner.run("", false, true, false) ? 0 : 1;
}
