// ProfilesGroundTruthTest.h — profiles built from a real import of the PostUp simulator
// equal what the simulator's ground truth and the spec say they must hold.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "JobhostCliRunner.h"
#include "SimulatorGroundTruth.h"

#include "jobhost/sim/SimulatorServer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "store/StoreLocation.h"

namespace jobhost::tests::e2e {

/// Starts an in-process postup-sim (127.0.0.1, port 0, 60 recipients, 3
/// lists, a few campaigns), runs the real `jobhost` (validate, apply,
/// job run) against it in a temporary JOBHOST_HOME, and checks every
/// recipient's profile field by field against ExpectedProfile, then that
/// re-importing, updating and rebuilding change no stored byte.
class ProfilesGroundTruthTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProfilesGroundTruthTest);
    CPPUNIT_TEST(testModelFunctionsMatchSpecVectors);
    CPPUNIT_TEST(testImportedProfilesEqualGroundTruth);
    CPPUNIT_TEST(testReimportUpdateAndRebuildChangeNothing);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    /// The test's own spec functions (SipHash, urlmain, dates) against §3's vectors.
    void testModelFunctionsMatchSpecVectors();
    /// Every recipient (and a sample through `jobhost profiles show`) equals the model.
    void testImportedProfilesEqualGroundTruth();
    /// A second import, `profiles update` and `profiles rebuild` leave the store as it was.
    void testReimportUpdateAndRebuildChangeNothing();

private:
    /// Starts the simulator with a data anchor that keeps every mailing
    /// clear of the 90-day window's edge, adds a few memberships so some
    /// recipients are on all three lists, and loads the ground truth.
    void startSimulator();
    /// validate + apply + job run; fixes which mailings the window held.
    void importOnce();
    host::StoreLocation store() const;
    /// Every stored profile (storage JSON), identity key, stream head and
    /// builder offset, as one text.
    std::string storeSnapshot() const;

    std::string _home;
    std::unique_ptr<sim::SimulatorServer> _pSimulator;
    std::unique_ptr<SimulatorGroundTruth> _pTruth;
    std::unique_ptr<JobhostCliRunner> _pCli;
    std::set<std::int64_t> _windowMailings;
};

} // namespace jobhost::tests::e2e
