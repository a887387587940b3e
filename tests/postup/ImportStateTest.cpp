// jobhost postup tests — ImportStateTest.cpp
// SPDX-License-Identifier: Apache-2.0
#include "ImportStateTest.h"

#include <stdexcept>

#include "ActivityImporter.h"
#include "ImportState.h"
#include "UserImporter.h"

namespace jobhost::plugins::postup::test {

void ImportStateTest::testRoundTrip() {
    ImportState s;
    s.phase = ImportState::Phase::Activity;
    s.lastUsersImportMs = 1717261200000;
    s.usersEpochMs = 1717261200000;
    s.listsDone = {1, 3};
    s.currentListId = 4;
    s.lastRecipientId = 1234;
    s.activityAnchorMs = 1717261300000;
    s.reportsDone = {{50001, kOpenBit | kSoftBit}, {50002, kAllReportBits}};
    s.lastActivityImportMs = 42;
    const std::string json = s.toJson();
    CPPUNIT_ASSERT_EQUAL(std::string("{\"version\":1,\"phase\":\"activity\",\"lastUsersImportMs\":1717261200000,"
                                     "\"usersEpochMs\":1717261200000,\"listsDone\":[1,3],\"currentListId\":4,"
                                     "\"lastRecipientId\":1234,\"activityAnchorMs\":1717261300000,"
                                     "\"reportsDone\":{\"50001\":9,\"50002\":15},\"lastActivityImportMs\":42}"),
                         json);
    const ImportState back = ImportState::fromJson(json);
    CPPUNIT_ASSERT(back.phase == ImportState::Phase::Activity);
    CPPUNIT_ASSERT(back.listsDone == s.listsDone);
    CPPUNIT_ASSERT(back.reportsDone == s.reportsDone);
    CPPUNIT_ASSERT_EQUAL(json, back.toJson());
}

void ImportStateTest::testEmptyIsFresh() {
    const ImportState s = ImportState::fromJson("");
    CPPUNIT_ASSERT(s.phase == ImportState::Phase::Idle);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), s.lastUsersImportMs);
}

void ImportStateTest::testRejectsForeignState() {
    CPPUNIT_ASSERT_THROW(ImportState::fromJson("not json"), std::invalid_argument);
    CPPUNIT_ASSERT_THROW(ImportState::fromJson("{\"done\":true}"), std::invalid_argument);
    CPPUNIT_ASSERT_THROW(ImportState::fromJson("{\"version\":1,\"phase\":\"dancing\"}"), std::invalid_argument);
}

void ImportStateTest::testNaturalKeys() {
    CPPUNIT_ASSERT_EQUAL(std::string("list:3:17:1717261200000"), UserImporter::naturalKey(3, 17, 1717261200000));
    CPPUNIT_ASSERT_EQUAL(std::string("50001|17|OPEN|1714575600000"),
                         ActivityImporter::naturalKey(50001, 17, "OPEN", 1714575600000));
}

} // namespace jobhost::plugins::postup::test
