// ProfileApiTest.h — jobhost console tests: GET /api/v1/profiles pages with a cursor, GET /api/v1/profiles/export streams.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

/// Over a store of 250 profiles (plus merged-away ids and an audience of
/// every fifth): pages of `limit` follow `next` through every profile once
/// in id order and end with next null; `audience` restricts to members;
/// bad limit/after are 400 naming the parameter, an unknown audience 404;
/// the export route (not mistaken for a profile id) streams JSON Lines or
/// CSV that parse back to the stored profiles.
class ProfileApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProfileApiTest);
    CPPUNIT_TEST(testPagesFollowTheCursorThroughEveryProfileOnce);
    CPPUNIT_TEST(testAudiencePagesHoldOnlyItsMembers);
    CPPUNIT_TEST(testBadListParametersAreRefusedNamingTheParameter);
    CPPUNIT_TEST(testExportStreamsJsonLinesThatParseBack);
    CPPUNIT_TEST(testExportStreamsCsvOfChosenFieldsForAnAudience);
    CPPUNIT_TEST(testBadExportParametersAreRefusedBeforeAnyBody);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testPagesFollowTheCursorThroughEveryProfileOnce();
    void testAudiencePagesHoldOnlyItsMembers();
    void testBadListParametersAreRefusedNamingTheParameter();
    void testExportStreamsJsonLinesThatParseBack();
    void testExportStreamsCsvOfChosenFieldsForAnAudience();
    void testBadExportParametersAreRefusedBeforeAnyBody();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
