// HostileImportTest.h — a hostile "PostUp" during a real `jobhost job run`: the run fails clearly and keeps its committed work.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests::e2e {

/// For each hostile answer of postup-sim (huge body, endless chunked body,
/// HTML instead of JSON, JSON nested 100000 deep, invalid UTF-8) on
/// GET /api/campaign — after the recipients phase has committed — the
/// import fails with a message naming the limit (manifest http_limits), the
/// postup_users records stay, and the next run against a sane simulator
/// finishes the activity phase.
class HostileImportTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostileImportTest);
    CPPUNIT_TEST(testEveryHostileAnswerFailsTheRunClearlyAndKeepsCommittedRecords);
    CPPUNIT_TEST_SUITE_END();

public:
    void testEveryHostileAnswerFailsTheRunClearlyAndKeepsCommittedRecords();
};

} // namespace jobhost::tests::e2e
