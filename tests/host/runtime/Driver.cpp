// tests/host/runtime — Driver.cpp
// Runner for the job runner, scheduler, apply, secrets redaction and crash recovery.
// usage: jobhost_runtime_tests JOBHOST_EXE FIXTURE_PLUGIN_DIR RUNTIME_MANIFEST_DIR
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TextTestProgressListener.h>
#include <cppunit/TextTestRunner.h>

#include "RuntimeEnvironment.h"

namespace jobhost::tests {
CppUnit::Test* runtimeTestSuite();
}

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: " << argv[0] << " JOBHOST_EXE FIXTURE_PLUGIN_DIR RUNTIME_MANIFEST_DIR\n";
        return 64;
    }
    jobhost::tests::RuntimeEnvironment::jobhostExecutable = argv[1];
    jobhost::tests::RuntimeEnvironment::pluginDirectory = argv[2];
    jobhost::tests::RuntimeEnvironment::manifestDirectory = argv[3];
    CppUnit::TextTestRunner runner;
    runner.addTest(jobhost::tests::runtimeTestSuite());
    runner.setOutputter(new CppUnit::CompilerOutputter(&runner.result(), std::cerr));
    CppUnit::TextTestProgressListener progress;
    runner.eventManager().addListener(&progress);
    return runner.run("", false, true, false) ? 0 : 1;
}
