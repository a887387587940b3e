// ProfilesTestSuite.cpp — jobhost profiles tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#include "ProfilesTestSuite.h"

#include "FunctionsTest.h"
#include "ParserTest.h"
#include "WorkedExampleTest.h"
#include "AudienceFilterTest.h"
#include "IdentityResolverTest.h"
#include "ProfileTest.h"

#include <cppunit/TestSuite.h>

CppUnit::Test* ProfilesTestSuite::suite()
{
    auto* s = new CppUnit::TestSuite("ProfilesTestSuite");
    s->addTest(FunctionsTest::suite());
    s->addTest(ParserTest::suite());
    s->addTest(WorkedExampleTest::suite());
    s->addTest(AudienceFilterTest::suite());
    s->addTest(IdentityResolverTest::suite());
    s->addTest(ProfileTest::suite());
    return s;
}
