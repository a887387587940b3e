// AuthTest.h — jobhost postup-sim tests: HTTP Basic auth, privileges and lockout.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace jobhost::sim::test {

/// HTTP Basic auth, privileges and lockout. Starts its own server on 127.0.0.1 port 0 per test.
class AuthTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AuthTest);
  CPPUNIT_TEST(testMissingCredentials);
  CPPUNIT_TEST(testWrongPassword);
  CPPUNIT_TEST(testLoginIsCaseSensitive);
  CPPUNIT_TEST(testForbiddenNamesOperation);
  CPPUNIT_TEST(testLyticsUserPrivileges);
  CPPUNIT_TEST(testLockoutAndReset);
  CPPUNIT_TEST(testDownloadToken);
  CPPUNIT_TEST_SUITE_END();

public:
  void setUp() override;
  void tearDown() override;
  void testMissingCredentials();
  void testWrongPassword();
  void testLoginIsCaseSensitive();
  void testForbiddenNamesOperation();
  void testLyticsUserPrivileges();
  void testLockoutAndReset();
  void testDownloadToken();

private:
  std::unique_ptr<SimulatorServer> _pServer;
};

} // namespace jobhost::sim::test
