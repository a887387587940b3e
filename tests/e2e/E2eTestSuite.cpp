// E2eTestSuite.cpp — the explicitly assembled e2e suite: one line per test class.
// SPDX-License-Identifier: Apache-2.0
#include "E2eTestSuite.h"

#include <cppunit/TestSuite.h>

#include "ExportPipelineTest.h"
#include "HostileImportTest.h"
#include "JobContentionTest.h"
#include "ProfileExportTest.h"
#include "ProfilesGroundTruthTest.h"

namespace jobhost::tests::e2e {

CppUnit::Test* E2eTestSuite::suite() {
    auto* suite = new CppUnit::TestSuite("E2eTestSuite");
    suite->addTest(ExportPipelineTest::suite());
    suite->addTest(HostileImportTest::suite());
    suite->addTest(JobContentionTest::suite());
    suite->addTest(ProfileExportTest::suite());
    suite->addTest(ProfilesGroundTruthTest::suite());
    return suite;
}

} // namespace jobhost::tests::e2e
