// ExportApiTest.h — jobhost console tests: export status, dead letters and replay routes
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class ExportApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExportApiTest);
    CPPUNIT_TEST(testRoutesRequireToken);
    CPPUNIT_TEST(testListShowsQueueAndCounters);
    CPPUNIT_TEST(testDetailAndUnknownExport404);
    CPPUNIT_TEST(testDeadLettersListedWithReason);
    CPPUNIT_TEST(testReplayOneAudited);
    CPPUNIT_TEST(testReplayAllAudited);
    CPPUNIT_TEST(testReplayValidationNamesField);
    CPPUNIT_TEST(testReplayRolledBackWhenAuditFails);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testRoutesRequireToken();
    void testListShowsQueueAndCounters();
    void testDetailAndUnknownExport404();
    void testDeadLettersListedWithReason();
    void testReplayOneAudited();
    void testReplayAllAudited();
    void testReplayValidationNamesField();
    void testReplayRolledBackWhenAuditFails();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
    std::vector<Poco::Int64> _deadLetters; ///< ids of the two seeded dead letters, oldest first
};
