// tests/host/store — SecretsTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class SecretsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SecretsTest);
    CPPUNIT_TEST(testSealOpenRoundTripWithFreshNonces);
    CPPUNIT_TEST(testTamperedWrongKeyOrOtherRowFailsClearly);
    CPPUNIT_TEST(testKeyFileCreatedWithMode0600AndReused);
    CPPUNIT_TEST(testKeyFileReadableByOthersIsRefused);
    CPPUNIT_TEST(testKeyFileVariableNamesAnExistingFile);
    CPPUNIT_TEST(testKeyParsesHexAndBase64);
    CPPUNIT_TEST(testSealerKeepsSecretsOutOfPlainFields);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSealOpenRoundTripWithFreshNonces();
    void testTamperedWrongKeyOrOtherRowFailsClearly();
    void testKeyFileCreatedWithMode0600AndReused();
    void testKeyFileReadableByOthersIsRefused();
    void testKeyFileVariableNamesAnExistingFile();
    void testKeyParsesHexAndBase64();
    void testSealerKeepsSecretsOutOfPlainFields();
};

} // namespace jobhost::tests
