// LqlTestSuite.cpp — jobhost lql tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#include "LqlTestSuite.h"

#include "FunctionsTest.h"
#include "ParserTest.h"

#include <cppunit/TestSuite.h>

CppUnit::Test* LqlTestSuite::suite()
{
    auto* s = new CppUnit::TestSuite("LqlTestSuite");
    s->addTest(FunctionsTest::suite());
    s->addTest(ParserTest::suite());
    return s;
}
