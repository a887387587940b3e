// tests/host/transport — Driver.cpp
// Runner for clocks, retry policy, redaction, rate limits and the HTTP transport.
// usage: jobhost_transport_tests [TEST_NAME]   (e.g. PocoHttpTransportTest)
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TextTestProgressListener.h>
#include <cppunit/TextTestRunner.h>

namespace jobhost::tests {
CppUnit::Test* transportTestSuite();
} // namespace jobhost::tests

int main(int argc, char** argv) {
    CppUnit::TextTestRunner runner;
    runner.addTest(jobhost::tests::transportTestSuite());
    runner.setOutputter(new CppUnit::CompilerOutputter(&runner.result(), std::cerr));
    CppUnit::TextTestProgressListener progress;
    runner.eventManager().addListener(&progress);
    const std::string only = argc > 1 ? argv[1] : "";
    try {
        return runner.run(only, false, true, false) ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "cannot run '" << only << "': " << e.what() << "\n";
        return 2;
    }
}
