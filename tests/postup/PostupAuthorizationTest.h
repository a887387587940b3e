// jobhost postup tests — PostupAuthorizationTest.h
// Authorization::verify against the simulator and a scripted server.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class PostupAuthorizationTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostupAuthorizationTest);
    CPPUNIT_TEST(testValidCredentials);
    CPPUNIT_TEST(testBadCredentials);
    CPPUNIT_TEST(testLockedAccount);
    CPPUNIT_TEST(testMissingPrivilege);
    CPPUNIT_TEST(testUnreachable);
    CPPUNIT_TEST(testServerErrorIsUnreachable);
    CPPUNIT_TEST(testPluginFactories);
    CPPUNIT_TEST_SUITE_END();

public:
    void testValidCredentials();
    void testBadCredentials();
    void testLockedAccount();
    void testMissingPrivilege();
    void testUnreachable();
    void testServerErrorIsUnreachable();
    void testPluginFactories();
};

} // namespace jobhost::plugins::postup::test
