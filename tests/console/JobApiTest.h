// JobApiTest.h — jobhost console tests: jobs and runs: validation like apply, control, progress, audit
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class JobApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JobApiTest);
    CPPUNIT_TEST(testCreateJob);
    CPPUNIT_TEST(testJobValidationNamesField);
    CPPUNIT_TEST(testUnknownAuthorizationRefused);
    CPPUNIT_TEST(testUpdateJobAudited);
    CPPUNIT_TEST(testUnchangedUpdateWritesNoAudit);
    CPPUNIT_TEST(testPauseAndResume);
    CPPUNIT_TEST(testRunNow);
    CPPUNIT_TEST(testRunNowWhenBusy);
    CPPUNIT_TEST(testRunsListAndDetail);
    CPPUNIT_TEST(testRunProgressFromBoard);
    CPPUNIT_TEST(testMetricsCountRuns);
    CPPUNIT_TEST(testAuditListEveryMutation);
    CPPUNIT_TEST(testRetryOverridesValidatedLikeApply);
    CPPUNIT_TEST(testSameProblemsAsApply);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testCreateJob();
    void testJobValidationNamesField();
    void testUnknownAuthorizationRefused();
    void testUpdateJobAudited();
    void testUnchangedUpdateWritesNoAudit();
    void testPauseAndResume();
    void testRunNow();
    void testRunNowWhenBusy();
    void testRunsListAndDetail();
    void testRunProgressFromBoard();
    void testMetricsCountRuns();
    void testAuditListEveryMutation();
    void testRetryOverridesValidatedLikeApply();
    void testSameProblemsAsApply();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
