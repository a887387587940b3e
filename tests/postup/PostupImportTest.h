// jobhost postup tests — PostupImportTest.h
// PostupImportJob end to end against the in-process simulator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class PostupImportTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostupImportTest);
    CPPUNIT_TEST(testCompleteImportMatchesGroundTruth);
    CPPUNIT_TEST(testRecipientsOnlyEvery24Hours);
    CPPUNIT_TEST(testOldMailingsNeverRequested);
    CPPUNIT_TEST(testFaultsGiveCleanRunData);
    CPPUNIT_TEST(testKilledAndResumedRunsGiveCleanRunData);
    CPPUNIT_TEST(testCancelReturnsRetryAndResumes);
    CPPUNIT_TEST(testBadCredentialsFailAuth);
    CPPUNIT_TEST(testMissingPrivilegeNamed);
    CPPUNIT_TEST(testWrongSiteIdIsConfigError);
    CPPUNIT_TEST(testBadConfigAndState);
    CPPUNIT_TEST(testDetailsFetchedOncePerRecipient);
    CPPUNIT_TEST(testNoDetailCallWhenPageHasDetails);
    CPPUNIT_TEST(testResumeRefetchesOnlyTheUncommittedBatch);
    CPPUNIT_TEST(testReportUrlAgainstSimulator);
    CPPUNIT_TEST(testNonAscendingPageIsRetry);
    CPPUNIT_TEST(testBothPartsShareTheRateLimit);
    CPPUNIT_TEST_SUITE_END();

public:
    void testCompleteImportMatchesGroundTruth();
    void testRecipientsOnlyEvery24Hours();
    void testOldMailingsNeverRequested();
    void testFaultsGiveCleanRunData();
    void testKilledAndResumedRunsGiveCleanRunData();
    void testCancelReturnsRetryAndResumes();
    void testBadCredentialsFailAuth();
    void testMissingPrivilegeNamed();
    void testWrongSiteIdIsConfigError();
    void testBadConfigAndState();
    void testDetailsFetchedOncePerRecipient();
    void testNoDetailCallWhenPageHasDetails();
    void testResumeRefetchesOnlyTheUncommittedBatch();
    void testReportUrlAgainstSimulator();
    void testNonAscendingPageIsRetry();
    void testBothPartsShareTheRateLimit();
};

} // namespace jobhost::plugins::postup::test
