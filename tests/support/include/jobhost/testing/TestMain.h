// TestMain.h — the shared main loop of every CppUnit test runner.
// SPDX-License-Identifier: Apache-2.0
//
// A runner's Driver.cpp reduces to:
//
//   int main(int argc, char** argv) {
//       return jobhost::testing::runTestMain(argc, argv, {"JOBHOST_EXE"},
//           [](const std::vector<std::string>& args) { Env::exe = args[0]; return MySuite::suite(); });
//   }
//
// Command line: <runner> REQUIRED... [TEST-NAME]. TEST-NAME is a CppUnit test
// path ("FunctionsTest" or "FunctionsTest::testEmail").
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CppUnit {
class Test;
}

namespace jobhost::testing {

/// Builds the runner's suite from its positional arguments (already checked
/// to be present, in the order of `requiredArguments`). The returned suite is
/// owned by the runner loop.
using SuiteFactory = std::function<CppUnit::Test*(const std::vector<std::string>& arguments)>;

/// Exit codes: 0 all tests passed; 1 a test failed or the suite threw;
/// 2 TEST-NAME names no test; 64 required arguments missing (usage printed).
int runTestMain(int argc, char** argv, const std::vector<std::string>& requiredArguments,
                const SuiteFactory& makeSuite);

/// Convenience for runners without positional arguments.
int runTestMain(int argc, char** argv, const std::function<CppUnit::Test*()>& makeSuite);

} // namespace jobhost::testing
