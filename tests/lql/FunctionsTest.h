// FunctionsTest.h — jobhost profiles tests: every function vector of mapping-semantics §3.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class FunctionsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FunctionsTest);
    CPPUNIT_TEST(testEmail);
    CPPUNIT_TEST(testEmailDomain);
    CPPUNIT_TEST(testSetMapCountValuect);
    CPPUNIT_TEST(testSipHashReference);
    CPPUNIT_TEST(testHashVectors);
    CPPUNIT_TEST(testUrlMain);
    CPPUNIT_TEST(testEpochMsAndNow);
    CPPUNIT_TEST(testHourOfDay);
    CPPUNIT_TEST(testHourOfWeek);
    CPPUNIT_TEST(testYymmAndMonth);
    CPPUNIT_TEST(testDateParser);
    CPPUNIT_TEST(testToIntRefusesNumbersBeyondInt64);
    CPPUNIT_TEST(testDateParserRefusesDigitStringsBeyondInt64);
    CPPUNIT_TEST(testDateMath);
    CPPUNIT_TEST(testTodateLayout);
    CPPUNIT_TEST(testGoFloatFormat);
    CPPUNIT_TEST_SUITE_END();

public:
    void testEmail();
    void testEmailDomain();
    void testSetMapCountValuect();
    void testSipHashReference();
    void testHashVectors();
    void testUrlMain();
    void testEpochMsAndNow();
    void testHourOfDay();
    void testHourOfWeek();
    void testYymmAndMonth();
    void testDateParser();
    void testToIntRefusesNumbersBeyondInt64();
    void testDateParserRefusesDigitStringsBeyondInt64();
    void testDateMath();
    void testTodateLayout();
    void testGoFloatFormat();
};
