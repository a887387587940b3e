// tests/host/transport — RedactorTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class RedactorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RedactorTest);
    CPPUNIT_TEST(testSecretsAreMasked);
    CPPUNIT_TEST(testEncodedSecretsAreMasked);
    CPPUNIT_TEST(testLongestSecretWins);
    CPPUNIT_TEST(testEmptySecretsAreIgnored);
    CPPUNIT_TEST(testUserInfoIsStripped);
    CPPUNIT_TEST(testSensitiveQueryValuesAreMasked);
    CPPUNIT_TEST(testSensitiveKeyNames);
    CPPUNIT_TEST(testInstanceAppliesBoth);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSecretsAreMasked();
    void testEncodedSecretsAreMasked();
    void testLongestSecretWins();
    void testEmptySecretsAreIgnored();
    void testUserInfoIsStripped();
    void testSensitiveQueryValuesAreMasked();
    void testSensitiveKeyNames();
    void testInstanceAppliesBoth();
};

} // namespace jobhost::tests
