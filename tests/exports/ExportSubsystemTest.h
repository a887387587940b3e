// jobhost exports tests — ExportSubsystemTest.h
// `serve`'s ExportSubsystem follows the store: export jobs added, paused,
// resumed or redefined while serving get their runner started, stopped or
// restarted, against the simulator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/extensions/HelperMacros.h>

#include "jobhost/sim/SimulatorServer.h"

namespace jobhost::host::exports::test {

class ExportSubsystemTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExportSubsystemTest);
    CPPUNIT_TEST(testFollowsPauseResumeAndRedefinition);
    CPPUNIT_TEST(testPicksUpJobAddedWhileServing);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testFollowsPauseResumeAndRedefinition();
    void testPicksUpJobAddedWhileServing();

private:
    std::unique_ptr<sim::SimulatorServer> _pSim;
};

} // namespace jobhost::host::exports::test
