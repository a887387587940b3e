// ProfileExportTest.h — `jobhost profiles list` and `profiles export` on a store of 100,000 profiles.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests::e2e {

/// The real executable over one store of 100,000 generated profiles (plus
/// merged-away ids and a 10,000-member audience), filled once per process:
/// `list` pages through every profile once in id order by following the
/// cursor it prints; `export --format jsonl` parses back to exactly the
/// stored profiles while the child's peak memory stays within a fixed bound
/// of the 10,000-profile export's; CSV (every field, or --fields in the
/// given order) parses back cell by cell; bad arguments exit 64 and an
/// unknown audience 78, printing nothing on stdout.
class ProfileExportTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProfileExportTest);
    CPPUNIT_TEST(testListPagesThroughEveryProfileOnceInIdOrder);
    CPPUNIT_TEST(testListOfAnAudiencePagesThroughItsMembersOnly);
    CPPUNIT_TEST(testJsonLinesExportParsesBackToTheStoredProfilesInFlatMemory);
    CPPUNIT_TEST(testCsvExportOfEveryFieldParsesBackCellByCell);
    CPPUNIT_TEST(testCsvExportOfChosenFieldsKeepsTheirOrder);
    CPPUNIT_TEST(testBadArgumentsAreUsageErrorsAndAnUnknownAudienceIsNotFound);
    CPPUNIT_TEST_SUITE_END();

public:
    void testListPagesThroughEveryProfileOnceInIdOrder();
    void testListOfAnAudiencePagesThroughItsMembersOnly();
    void testJsonLinesExportParsesBackToTheStoredProfilesInFlatMemory();
    void testCsvExportOfEveryFieldParsesBackCellByCell();
    void testCsvExportOfChosenFieldsKeepsTheirOrder();
    void testBadArgumentsAreUsageErrorsAndAnUnknownAudienceIsNotFound();
};

} // namespace jobhost::tests::e2e
