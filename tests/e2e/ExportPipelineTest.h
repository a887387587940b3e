// ExportPipelineTest.h — the whole export path through the real `jobhost`
// executable: simulator → import → profiles → audience → two PostUp exports.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include <cppunit/extensions/HelperMacros.h>

#include "jobhost/sim/SimulatorServer.h"

namespace jobhost::tests::e2e {

/// One in-process simulator (127.0.0.1, port 0) and one JOBHOST_HOME in a
/// temp folder per test; every step runs the built `jobhost` binary
/// (validate, apply, job run, exports run/status) as a child process. The
/// store is only read, to learn the audience's members and the export totals.
class ExportPipelineTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExportPipelineTest);
    CPPUNIT_TEST(testAudienceSyncedToTwoListsAndExitHonoursRemoveOnExit);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    /// After the sync each list's NORMAL members are the audience members
    /// PostUp may subscribe (opted-out ones are skipped and counted), with the
    /// mapped fields as demographics (a field the profile lacks leaves
    /// PostUp's value alone); a recipient who unsubscribes in PostUp leaves
    /// the audience at the next import and is unsubscribed from the
    /// remove_on_exit list only, while a changed mapped field of a member
    /// arrives as an update; nothing is deleted; a second `exports run`
    /// changes nothing.
    void testAudienceSyncedToTwoListsAndExitHonoursRemoveOnExit();

private:
    std::unique_ptr<sim::SimulatorServer> _pSim;
    std::string _home;
};

} // namespace jobhost::tests::e2e
