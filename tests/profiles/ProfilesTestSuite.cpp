// ProfilesTestSuite.cpp — jobhost profiles tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#include "ProfilesTestSuite.h"

#include "WorkedExampleTest.h"
#include "IdentityResolverTest.h"
#include "ProfileTest.h"

#include <cppunit/TestSuite.h>

CppUnit::Test* ProfilesTestSuite::suite()
{
    auto* s = new CppUnit::TestSuite("ProfilesTestSuite");
    s->addTest(WorkedExampleTest::suite());
    s->addTest(IdentityResolverTest::suite());
    s->addTest(ProfileTest::suite());
    return s;
}
