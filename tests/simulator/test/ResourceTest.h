// ResourceTest.h — jobhost postup-sim tests: happy paths and error shapes of every /api resource.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace jobhost::sim::test {

/// happy paths and error shapes of every /api resource. Starts its own server on 127.0.0.1 port 0 per test.
class ResourceTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ResourceTest);
  CPPUNIT_TEST(testSiteAndBrands);
  CPPUNIT_TEST(testListCrud);
  CPPUNIT_TEST(testRecipientLookups);
  CPPUNIT_TEST(testRecipientCreateUpdate);
  CPPUNIT_TEST(testSubscriptions);
  CPPUNIT_TEST(testCustomFields);
  CPPUNIT_TEST(testCampaignsAndMailings);
  CPPUNIT_TEST(testMailingStatistics);
  CPPUNIT_TEST(testImportTemplates);
  CPPUNIT_TEST(testMalformedInput);
  CPPUNIT_TEST(testUnknownRoutesAndMethods);
  CPPUNIT_TEST_SUITE_END();

public:
  void setUp() override;
  void tearDown() override;
  void testSiteAndBrands();
  void testListCrud();
  void testRecipientLookups();
  void testRecipientCreateUpdate();
  void testSubscriptions();
  void testCustomFields();
  void testCampaignsAndMailings();
  void testMailingStatistics();
  void testImportTemplates();
  void testMalformedInput();
  void testUnknownRoutesAndMethods();

private:
  std::unique_ptr<SimulatorServer> _pServer;
};

} // namespace jobhost::sim::test
