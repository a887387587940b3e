// AdminApiTest.h — jobhost postup-sim tests: the /_sim/ ground-truth API.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace jobhost::sim::test {

/// the /_sim/ ground-truth API. Starts its own server on 127.0.0.1 port 0 per test.
class AdminApiTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AdminApiTest);
  CPPUNIT_TEST(testCountsMatchApi);
  CPPUNIT_TEST(testMembersByEmail);
  CPPUNIT_TEST(testActivityJsonMatchesCpp);
  CPPUNIT_TEST(testRequestsAreLogged);
  CPPUNIT_TEST(testNowIsSettable);
  CPPUNIT_TEST(testSimToken);
  CPPUNIT_TEST(testCountsFollowMutations);
  CPPUNIT_TEST_SUITE_END();

public:
  void setUp() override;
  void tearDown() override;
  void testCountsMatchApi();
  void testMembersByEmail();
  void testActivityJsonMatchesCpp();
  void testRequestsAreLogged();
  void testNowIsSettable();
  void testSimToken();
  void testCountsFollowMutations();

private:
  std::unique_ptr<SimulatorServer> _pServer;
};

} // namespace jobhost::sim::test
