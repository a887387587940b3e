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
    s.phase = ImportState::Phase::Running;
    s.lastUsersImportMs = 1717261200000;
    s.usersEpochMs = 1717261200000;
    s.usersActive = true;
    s.usersWatermark = 1234;
    s.activityAnchorMs = 1717261300000;
    s.activityActive = true;
    s.reportsDone = {{50001, kOpenBit | kSoftBit}, {50002, kAllReportBits}};
    s.lastActivityImportMs = 42;
    const std::string json = s.toJson();
    CPPUNIT_ASSERT_EQUAL(std::string("{\"version\":2,\"phase\":\"running\",\"lastUsersImportMs\":1717261200000,"
                                     "\"usersEpochMs\":1717261200000,\"usersActive\":true,\"usersWatermark\":1234,"
                                     "\"activityAnchorMs\":1717261300000,\"activityActive\":true,"
                                     "\"reportsDone\":{\"50001\":9,\"50002\":15},\"lastActivityImportMs\":42}"),
                         json);
    const ImportState back = ImportState::fromJson(json);
    CPPUNIT_ASSERT(back.phase == ImportState::Phase::Running);
    CPPUNIT_ASSERT(back.usersActive && back.activityActive);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(1234), back.usersWatermark);
    CPPUNIT_ASSERT(back.reportsDone == s.reportsDone);
    CPPUNIT_ASSERT_EQUAL(json, back.toJson());
}

void ImportStateTest::testReadsVersion1() {
    // Mid-snapshot: resumed from watermark 0 (same epoch, so same keys); activity next cycle.
    ImportState users = ImportState::fromJson(
        "{\"version\":1,\"phase\":\"users\",\"lastUsersImportMs\":5,\"usersEpochMs\":7,\"listsDone\":[1,3],"
        "\"currentListId\":4,\"lastRecipientId\":1234,\"activityAnchorMs\":0,\"reportsDone\":{},\"lastActivityImportMs\":3}");
    CPPUNIT_ASSERT(users.phase == ImportState::Phase::Running);
    CPPUNIT_ASSERT(users.usersActive && !users.activityActive);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(0), users.usersWatermark);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(7), users.usersEpochMs);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(5), users.lastUsersImportMs);
    ImportState activity = ImportState::fromJson(
        "{\"version\":1,\"phase\":\"activity\",\"lastUsersImportMs\":5,\"usersEpochMs\":5,\"listsDone\":[],"
        "\"currentListId\":0,\"lastRecipientId\":0,\"activityAnchorMs\":9,\"reportsDone\":{\"50001\":3},\"lastActivityImportMs\":3}");
    CPPUNIT_ASSERT(activity.phase == ImportState::Phase::Running);
    CPPUNIT_ASSERT(!activity.usersActive && activity.activityActive);
    CPPUNIT_ASSERT_EQUAL(std::int64_t(9), activity.activityAnchorMs);
    CPPUNIT_ASSERT_EQUAL(3u, activity.reportsDone.at(50001));
    CPPUNIT_ASSERT(ImportState::fromJson("{\"version\":1,\"phase\":\"idle\"}").phase == ImportState::Phase::Idle);
    // "running" is version 2 only.
    CPPUNIT_ASSERT_THROW(ImportState::fromJson("{\"version\":1,\"phase\":\"running\"}"), std::invalid_argument);
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
