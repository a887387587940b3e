// WorkedExampleTest.h — jobhost profiles tests: mapping-semantics §10 end to end.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

class WorkedExampleTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(WorkedExampleTest);
    CPPUNIT_TEST(testE1Contributions);
    CPPUNIT_TEST(testE2Contributions);
    CPPUNIT_TEST(testResultingProfile);
    CPPUNIT_TEST(testAudienceMembershipAlongTheWay);
    CPPUNIT_TEST(testSecondOpenVariant);
    CPPUNIT_TEST(testReimportWithoutDedupCountsTwice);
    CPPUNIT_TEST(testStitchVariant);
    CPPUNIT_TEST(testOutOfOrderEvents);
    CPPUNIT_TEST(testEvalJson);
    CPPUNIT_TEST_SUITE_END();

public:
    void testE1Contributions();
    void testE2Contributions();
    void testResultingProfile();
    void testAudienceMembershipAlongTheWay();
    void testSecondOpenVariant();
    void testReimportWithoutDedupCountsTwice();
    void testStitchVariant();
    void testOutOfOrderEvents();
    void testEvalJson();
};
