// TestMain.cpp — the shared CppUnit runner loop (see TestMain.h).
// SPDX-License-Identifier: Apache-2.0
#include "jobhost/testing/TestMain.h"

#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/Test.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>

#include <exception>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace jobhost::testing {

namespace {
constexpr int kExitFailed = 1;
constexpr int kExitUnknownTest = 2;
constexpr int kExitUsage = 64;

void printUsage(const char* program, const std::vector<std::string>& requiredArguments) {
    std::cerr << "usage: " << program;
    for (const auto& name : requiredArguments) std::cerr << ' ' << name;
    std::cerr << " [TEST-NAME]\n";
}
} // namespace

int runTestMain(int argc, char** argv, const std::vector<std::string>& requiredArguments,
                const SuiteFactory& makeSuite) {
    const auto required = requiredArguments.size();
    if (argc < 1 || static_cast<std::size_t>(argc - 1) < required ||
        static_cast<std::size_t>(argc - 1) > required + 1) {
        printUsage(argc > 0 ? argv[0] : "test-runner", requiredArguments);
        return kExitUsage;
    }
    std::vector<std::string> arguments(argv + 1, argv + 1 + required);
    const std::string onlyTest = static_cast<std::size_t>(argc - 1) > required ? argv[argc - 1] : "";

    CppUnit::TestRunner runner;
    try {
        runner.addTest(makeSuite(arguments)); // the runner owns the suite from here
    } catch (const std::exception& e) {
        std::cerr << "cannot set up the test suite: " << e.what() << "\n";
        return kExitFailed;
    }

    CppUnit::TestResult controller;
    CppUnit::TestResultCollector result;
    controller.addListener(&result);
    CppUnit::BriefTestProgressListener progress;
    controller.addListener(&progress);
    try {
        runner.run(controller, onlyTest);
    } catch (const std::invalid_argument& e) {
        // TestRunner::run throws this when onlyTest names no test.
        std::cerr << "unknown test: " << onlyTest << " (" << e.what() << ")\n";
        return kExitUnknownTest;
    }
    CppUnit::CompilerOutputter(&result, std::cerr).write();
    return result.wasSuccessful() ? 0 : kExitFailed;
}

int runTestMain(int argc, char** argv, const std::function<CppUnit::Test*()>& makeSuite) {
    return runTestMain(argc, argv, {}, [&](const std::vector<std::string>&) { return makeSuite(); });
}

} // namespace jobhost::testing
