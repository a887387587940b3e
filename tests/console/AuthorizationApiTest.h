// AuthorizationApiTest.h — jobhost console tests: authorizations: write-only secrets, validation, audit
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class AuthorizationApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AuthorizationApiTest);
    CPPUNIT_TEST(testCreateAndList);
    CPPUNIT_TEST(testSecretsNeverInAnyResponse);
    CPPUNIT_TEST(testValidationNamesField);
    CPPUNIT_TEST(testSecretOfWrongTypeNotEchoed);
    CPPUNIT_TEST(testDuplicateNameConflict);
    CPPUNIT_TEST(testUpdateKeepsSecretAndAudits);
    CPPUNIT_TEST(testAuthorizationTest);
    CPPUNIT_TEST(testUnknownAuthorization404);
    CPPUNIT_TEST(testSecretSealedAtRest);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testCreateAndList();
    void testSecretsNeverInAnyResponse();
    void testValidationNamesField();
    void testSecretOfWrongTypeNotEchoed();
    void testDuplicateNameConflict();
    void testUpdateKeepsSecretAndAudits();
    void testAuthorizationTest();
    void testUnknownAuthorization404();
    void testSecretSealedAtRest();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
