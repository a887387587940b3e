// PagingTest.h — jobhost postup-sim tests: keyset paging on /listsubscription.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace jobhost::sim::test {

/// keyset paging on /listsubscription. Starts its own server on 127.0.0.1 port 0 per test.
class PagingTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(PagingTest);
  CPPUNIT_TEST(testVisitsEveryMemberOnce);
  CPPUNIT_TEST(testLimitValidation);
  CPPUNIT_TEST(testOverlayMembersAppear);
  CPPUNIT_TEST(testLargeSeededListIsCheap);
  CPPUNIT_TEST(testNestedRecipientsAndRequestCounts);
  CPPUNIT_TEST_SUITE_END();

public:
  void setUp() override;
  void tearDown() override;
  void testVisitsEveryMemberOnce();
  void testLimitValidation();
  void testOverlayMembersAppear();
  void testLargeSeededListIsCheap();
  void testNestedRecipientsAndRequestCounts();

private:
  std::unique_ptr<SimulatorServer> _pServer;
};

} // namespace jobhost::sim::test
