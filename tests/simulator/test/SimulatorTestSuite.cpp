// SimulatorTestSuite.cpp — jobhost postup-sim tests: the assembled suite.
// SPDX-License-Identifier: Apache-2.0
#include "SimulatorTestSuite.h"

#include "AdminApiTest.h"
#include "AuthTest.h"
#include "CommandLineTest.h"
#include "FaultTest.h"
#include "ImportTest.h"
#include "PagingTest.h"
#include "ReportTest.h"
#include "ResourceTest.h"

#include <cppunit/TestSuite.h>

namespace jobhost::sim::test {

CppUnit::Test* SimulatorTestSuite::suite() {
  auto* s = new CppUnit::TestSuite("SimulatorTestSuite");
  s->addTest(AuthTest::suite());
  s->addTest(ResourceTest::suite());
  s->addTest(PagingTest::suite());
  s->addTest(ReportTest::suite());
  s->addTest(ImportTest::suite());
  s->addTest(FaultTest::suite());
  s->addTest(AdminApiTest::suite());
  s->addTest(CommandLineTest::suite());
  return s;
}

} // namespace jobhost::sim::test
