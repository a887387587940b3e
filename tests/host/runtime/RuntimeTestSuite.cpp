// tests/host/runtime — RuntimeTestSuite.cpp
// SPDX-License-Identifier: Apache-2.0
#include <cppunit/TestSuite.h>

#include "CliRuntimeTest.h"
#include "CrashTest.h"
#include "DiskFaultTest.h"
#include "RunnerTest.h"

namespace jobhost::tests {

CppUnit::Test* runtimeTestSuite() {
    auto* suite = new CppUnit::TestSuite("RuntimeTestSuite");
    suite->addTest(RunnerTest::suite());
    suite->addTest(CliRuntimeTest::suite());
    suite->addTest(CrashTest::suite());
    suite->addTest(DiskFaultTest::suite());
    return suite;
}

} // namespace jobhost::tests
