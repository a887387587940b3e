// jobhost exports tests — ExportsTestSuite.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ExportsTestSuite.h"

#include <cppunit/TestSuite.h>

#include "ExportRunnerTest.h"
#include "ExportStateTest.h"
#include "ExportSubsystemTest.h"
#include "PostupExportJobTest.h"

namespace jobhost::host::exports::test {

CppUnit::Test* ExportsTestSuite::suite() {
    auto* s = new CppUnit::TestSuite("ExportsTestSuite");
    s->addTest(ExportStateTest::suite());
    s->addTest(PostupExportJobTest::suite());
    s->addTest(ExportRunnerTest::suite());
    s->addTest(ExportSubsystemTest::suite());
    return s;
}

} // namespace jobhost::host::exports::test
