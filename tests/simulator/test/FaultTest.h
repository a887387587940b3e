// FaultTest.h — jobhost postup-sim tests: fault injection: errors, 429, latency, resets, truncation.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace jobhost::sim::test {

/// fault injection: errors, 429, latency, resets, truncation. Starts its own server on 127.0.0.1 port 0 per test.
class FaultTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(FaultTest);
  CPPUNIT_TEST(testErrorLimitThenRecover);
  CPPUNIT_TEST(testRateIsDeterministic);
  CPPUNIT_TEST(testThrottleSeconds);
  CPPUNIT_TEST(testThrottleHttpDate);
  CPPUNIT_TEST(testLatency);
  CPPUNIT_TEST(testReset);
  CPPUNIT_TEST(testTruncatedJson);
  CPPUNIT_TEST(testTruncatedReport);
  CPPUNIT_TEST(testRuntimeChangeViaSimApi);
  CPPUNIT_TEST(testStartupFaults);
  CPPUNIT_TEST(testStopWaitsForRunningHandlers);
  CPPUNIT_TEST_SUITE_END();

public:
  void setUp() override;
  void tearDown() override;
  void testErrorLimitThenRecover();
  void testRateIsDeterministic();
  void testThrottleSeconds();
  void testThrottleHttpDate();
  void testLatency();
  void testReset();
  void testTruncatedJson();
  void testTruncatedReport();
  void testRuntimeChangeViaSimApi();
  void testStartupFaults();
  /// Destroying the server returns only after every request handler has:
  /// handlers use the server's state.
  void testStopWaitsForRunningHandlers();

private:
  std::unique_ptr<SimulatorServer> _pServer;
};

} // namespace jobhost::sim::test
