// jobhost exports tests — ExportRunnerTest.h
// The host's ExportRunner with the PostUp job against the simulator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/extensions/HelperMacros.h>

#include "jobhost/sim/SimulatorServer.h"

namespace jobhost::host::exports::test {

class ExportRunnerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExportRunnerTest);
    CPPUNIT_TEST(testBatchesBySizeAndAge);
    CPPUNIT_TEST(testDeliversOutboxAndDeadLettersBadEmails);
    CPPUNIT_TEST(testRetryLaterRequeuesWithBackoff);
    CPPUNIT_TEST(testOrderGuardSurvivesRestart);
    CPPUNIT_TEST(testOptedOutCountedAsSkipped);
    CPPUNIT_TEST(testNullFieldLeavesDemographicAlone);
    CPPUNIT_TEST(testOutboxIdsAreNeverReused);
    CPPUNIT_TEST(testPrepareFailureKeepsChangesWaiting);
    CPPUNIT_TEST(testReplayRequeuesDeadLetter);
    CPPUNIT_TEST(testCrashBetweenImportAndRecording);
    CPPUNIT_TEST(testCrashRightAfterImportAnswer);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testBatchesBySizeAndAge();
    void testDeliversOutboxAndDeadLettersBadEmails();
    void testRetryLaterRequeuesWithBackoff();
    void testOrderGuardSurvivesRestart();
    void testOptedOutCountedAsSkipped();
    void testNullFieldLeavesDemographicAlone();
    void testOutboxIdsAreNeverReused();
    void testPrepareFailureKeepsChangesWaiting();
    void testReplayRequeuesDeadLetter();
    void testCrashBetweenImportAndRecording();
    void testCrashRightAfterImportAnswer();

private:
    void crashTest(bool afterStateSaved);

    std::unique_ptr<sim::SimulatorServer> _pSim;
};

} // namespace jobhost::host::exports::test
