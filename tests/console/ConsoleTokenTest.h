// ConsoleTokenTest.h — jobhost console tests: token generation, salted hash at rest, rotation
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class ConsoleTokenTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ConsoleTokenTest);
    CPPUNIT_TEST(testEnsureCreatesOnce);
    CPPUNIT_TEST(testStoredHashedWithMode0600);
    CPPUNIT_TEST(testVerify);
    CPPUNIT_TEST(testRotateInvalidatesOldToken);
    CPPUNIT_TEST(testRotationSeenByOtherInstance);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testEnsureCreatesOnce();
    void testStoredHashedWithMode0600();
    void testVerify();
    void testRotateInvalidatesOldToken();
    void testRotationSeenByOtherInstance();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
