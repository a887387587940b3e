// ParserTest.h — jobhost profiles tests: LQL/FilterQL parsing and parse errors.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class ParserTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ParserTest);
    CPPUNIT_TEST(testDefaultMappingFilesParse);
    CPPUNIT_TEST(testColumnOptionsAndInference);
    CPPUNIT_TEST(testStatementForms);
    CPPUNIT_TEST(testCommentsAndQuoting);
    CPPUNIT_TEST(testErrorMissingAs);
    CPPUNIT_TEST(testErrorPositions);
    CPPUNIT_TEST(testAutoNaming);
    CPPUNIT_TEST(testFilterForms);
    CPPUNIT_TEST(testFilterIncludeUnsupported);
    CPPUNIT_TEST(testHostileTextFailsWithAParseException);
    CPPUNIT_TEST_SUITE_END();

public:
    void testDefaultMappingFilesParse();
    void testColumnOptionsAndInference();
    void testStatementForms();
    void testCommentsAndQuoting();
    void testErrorMissingAs();
    void testErrorPositions();
    void testAutoNaming();
    void testFilterForms();
    void testFilterIncludeUnsupported();
    void testHostileTextFailsWithAParseException();
};
