// tests/host/runtime — RunnerTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class RunnerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RunnerTest);
    CPPUNIT_TEST(testRetryIsPersistedWithBackoffAndResumedByScheduler);
    CPPUNIT_TEST(testRetryAfterIsALowerBound);
    CPPUNIT_TEST(testRetriesExhaustedEndInFailure);
    CPPUNIT_TEST(testPerJobRetryOverride);
    CPPUNIT_TEST(testFailAndThrowAreRecordedRedacted);
    CPPUNIT_TEST(testCheckpointCommitsRecordsAndStateAndDeduplicates);
    CPPUNIT_TEST(testBusyWhenAnotherRunHoldsTheJob);
    CPPUNIT_TEST(testAbandonedRunsMarkedAndRescheduled);
    CPPUNIT_TEST(testIntervalMeasuredFromRunEnd);
    CPPUNIT_TEST(testCancelCheckpointsAndResumes);
    CPPUNIT_TEST(testProfilesFollowEveryOkImportRunEvenWithoutNewRecords);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRetryIsPersistedWithBackoffAndResumedByScheduler();
    void testRetryAfterIsALowerBound();
    void testRetriesExhaustedEndInFailure();
    void testPerJobRetryOverride();
    void testFailAndThrowAreRecordedRedacted();
    void testCheckpointCommitsRecordsAndStateAndDeduplicates();
    void testBusyWhenAnotherRunHoldsTheJob();
    void testAbandonedRunsMarkedAndRescheduled();
    void testIntervalMeasuredFromRunEnd();
    void testCancelCheckpointsAndResumes();
    void testProfilesFollowEveryOkImportRunEvenWithoutNewRecords();
};

} // namespace jobhost::tests
