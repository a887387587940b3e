// tests/host/plugins — ConfigSchemaTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class ConfigSchemaTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ConfigSchemaTest);
    CPPUNIT_TEST(testDefaultsAreFilledIn);
    CPPUNIT_TEST(testUnknownKeyIsRefused);
    CPPUNIT_TEST(testWrongTypeNamesKeyPath);
    CPPUNIT_TEST(testMissingRequiredIsRefused);
    CPPUNIT_TEST(testBadEnumIsRefused);
    CPPUNIT_TEST(testRangeIsChecked);
    CPPUNIT_TEST(testNestedPathsAreNamed);
    CPPUNIT_TEST(testAllErrorsAreReported);
    CPPUNIT_TEST(testSecretKeysAreListed);
    CPPUNIT_TEST(testFormatsAreChecked);
    CPPUNIT_TEST_SUITE_END();

public:
    void testDefaultsAreFilledIn();
    void testUnknownKeyIsRefused();
    void testWrongTypeNamesKeyPath();
    void testMissingRequiredIsRefused();
    void testBadEnumIsRefused();
    void testRangeIsChecked();
    void testNestedPathsAreNamed();
    void testAllErrorsAreReported();
    void testSecretKeysAreListed();
    void testFormatsAreChecked();
};

} // namespace jobhost::tests
