// AudiencesTestSuite.cpp — jobhost audiences tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#include "AudiencesTestSuite.h"

#include "AudienceFilterTest.h"
#include "AudienceStoreTest.h"
#include "MembershipEngineTest.h"
#include "ProfileStoreTest.h"

#include <cppunit/TestSuite.h>

CppUnit::Test* AudiencesTestSuite::suite()
{
    auto* s = new CppUnit::TestSuite("AudiencesTestSuite");
    s->addTest(AudienceFilterTest::suite());
    s->addTest(MembershipEngineTest::suite());
    s->addTest(ProfileStoreTest::suite());
    s->addTest(AudienceStoreTest::suite());
    return s;
}
