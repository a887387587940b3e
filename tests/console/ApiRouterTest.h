// ApiRouterTest.h — jobhost console tests: path patterns and route parameters
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class ApiRouterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ApiRouterTest);
    CPPUNIT_TEST(testMatchLiteral);
    CPPUNIT_TEST(testMatchParameters);
    CPPUNIT_TEST(testNoMatch);
    CPPUNIT_TEST(testParametersAreDecodedOnceAndMalformedEscapesMatchNothing);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testMatchLiteral();
    void testMatchParameters();
    void testNoMatch();
    void testParametersAreDecodedOnceAndMalformedEscapesMatchNothing();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
