// RunProgressTest.h — jobhost console tests: live per-run progress from real runs (runtime fixture plugin)
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class RunProgressTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RunProgressTest);
    CPPUNIT_TEST(testPercentRisesWhileSchedulerRunsImport);
    CPPUNIT_TEST(testRunnerWithoutFactoryLeavesBoardEmpty);
    CPPUNIT_TEST(testFailingFactoryDoesNotStopRun);
    CPPUNIT_TEST_SUITE_END();

public:
    RunProgressTest();
    ~RunProgressTest() override; // Environment is complete only in the .cpp
    void setUp() override;
    void tearDown() override;

    void testPercentRisesWhileSchedulerRunsImport();
    void testRunnerWithoutFactoryLeavesBoardEmpty();
    void testFailingFactoryDoesNotStopRun();

private:
    struct Environment;
    std::unique_ptr<Environment> _pEnv;
};
