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
    CPPUNIT_TEST(testExpiredLeaseOfAnotherMachineIsTakenOver);
    CPPUNIT_TEST(testCheckpointsRenewTheLease);
    CPPUNIT_TEST(testRunTakenOverCommitsNothingMoreAndIsResumed);
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
    /// A run of a worker on another machine is left alone while its lease
    /// holds and taken over (abandoned, rescheduled as "recovery") once it expired.
    void testExpiredLeaseOfAnotherMachineIsTakenOver();
    /// A run whose checkpoints come slower than the lease would allow in
    /// total, but each within it, is never taken over by another worker.
    void testCheckpointsRenewTheLease();
    /// Another worker takes a run over mid-way (its lease expired): the run's
    /// next checkpoint is refused, nothing more of it is stored, it ends
    /// "lost" without overwriting what the other worker recorded, and the
    /// resumed run completes the job without a duplicate.
    void testRunTakenOverCommitsNothingMoreAndIsResumed();
    void testIntervalMeasuredFromRunEnd();
    void testCancelCheckpointsAndResumes();
    void testProfilesFollowEveryOkImportRunEvenWithoutNewRecords();
};

} // namespace jobhost::tests
