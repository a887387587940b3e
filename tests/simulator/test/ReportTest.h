// ReportTest.h — jobhost postup-sim tests: the ExternalDownload.do TSV reports and determinism.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <memory>

namespace jobhost::sim::test {

/// the ExternalDownload.do TSV reports and determinism. Starts its own server on 127.0.0.1 port 0 per test.
class ReportTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ReportTest);
  CPPUNIT_TEST(testOpenReportMatchesGroundTruth);
  CPPUNIT_TEST(testClickRowsAreUnique);
  CPPUNIT_TEST(testBounceReports);
  CPPUNIT_TEST(testSiteChecks);
  CPPUNIT_TEST(testSameSeedSameBytes);
  CPPUNIT_TEST(testDifferentSeedDiffers);
  CPPUNIT_TEST(testReportFollowsAddressChange);
  CPPUNIT_TEST_SUITE_END();

public:
  void setUp() override;
  void tearDown() override;
  void testOpenReportMatchesGroundTruth();
  void testClickRowsAreUnique();
  void testBounceReports();
  void testSiteChecks();
  void testSameSeedSameBytes();
  void testDifferentSeedDiffers();
  void testReportFollowsAddressChange();

private:
  std::unique_ptr<SimulatorServer> _pServer;
};

} // namespace jobhost::sim::test
