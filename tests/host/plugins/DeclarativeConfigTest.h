// tests/host/plugins — DeclarativeConfigTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class DeclarativeConfigTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DeclarativeConfigTest);
    CPPUNIT_TEST(testExampleShapedConfigIsValid);
    CPPUNIT_TEST(testRetryOverrideIsReadAndChecked);
    CPPUNIT_TEST(testIntegersBeyondInt64AreProblems);
    CPPUNIT_TEST(testInlineSecretIsRefused);
    CPPUNIT_TEST(testUnknownProviderTypeAndAuthorizationAreNamed);
    CPPUNIT_TEST(testSecretsResolveFromEnvAndFile);
    CPPUNIT_TEST(testMissingEnvironmentVariableNamesItButNoValue);
    CPPUNIT_TEST_SUITE_END();

public:
    void testExampleShapedConfigIsValid();
    void testRetryOverrideIsReadAndChecked();
    void testIntegersBeyondInt64AreProblems();
    void testInlineSecretIsRefused();
    void testUnknownProviderTypeAndAuthorizationAreNamed();
    void testSecretsResolveFromEnvAndFile();
    void testMissingEnvironmentVariableNamesItButNoValue();
};

} // namespace jobhost::tests
