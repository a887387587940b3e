// JobContentionTest.h — one job started twice at once (two `job run`, or `job run` beside `serve`): one run, one clear refusal.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests::e2e {

/// The real executable against a slowed-down simulator (every request
/// 100 ms late, so a run lasts seconds): two `job run` of one job started
/// together, in several rounds; `job run` while `serve` runs the job on its
/// schedule; `serve` started while `job run` holds the job. Each time exactly
/// one run is recorded and finishes ok; the refused `job run` exits 1 saying
/// which run holds the job; no output mentions a locked database.
class JobContentionTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JobContentionTest);
    CPPUNIT_TEST(testTwoJobRunsAtOnceMakeOneRunAndOneClearRefusal);
    CPPUNIT_TEST(testJobRunWhileServeRunsTheJobIsRefused);
    CPPUNIT_TEST(testServeDoesNotStartTheJobWhileJobRunHoldsIt);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testTwoJobRunsAtOnceMakeOneRunAndOneClearRefusal();
    void testJobRunWhileServeRunsTheJobIsRefused();
    void testServeDoesNotStartTheJobWhileJobRunHoldsIt();

private:
    std::string _home;
};

} // namespace jobhost::tests::e2e
