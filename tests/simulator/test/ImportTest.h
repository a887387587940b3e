// ImportTest.h — jobhost postup-sim tests: asynchronous imports and their effect on lists.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace jobhost::sim::test {

/// asynchronous imports and their effect on lists. Starts its own server on 127.0.0.1 port 0 per test.
class ImportTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ImportTest);
  CPPUNIT_TEST(testImportAddsMembers);
  CPPUNIT_TEST(testUnsubImport);
  CPPUNIT_TEST(testImportErrors);
  CPPUNIT_TEST(testPollsToDone);
  CPPUNIT_TEST(testSlowImportFault);
  CPPUNIT_TEST_SUITE_END();

public:
  void setUp() override;
  void tearDown() override;
  void testImportAddsMembers();
  void testUnsubImport();
  void testImportErrors();
  void testPollsToDone();
  void testSlowImportFault();

private:
  std::unique_ptr<SimulatorServer> _pServer;
};

} // namespace jobhost::sim::test
