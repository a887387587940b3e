// tests/host/plugins — ManifestReaderTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class ManifestReaderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ManifestReaderTest);
    CPPUNIT_TEST(testRealPostupManifestPasses);
    CPPUNIT_TEST(testUnknownKeyIsRefused);
    CPPUNIT_TEST(testWrongTypeIsRefused);
    CPPUNIT_TEST(testIntegersBeyondInt64AreRefused);
    CPPUNIT_TEST(testMissingRequiredKeyIsRefused);
    CPPUNIT_TEST(testBadEnumIsRefused);
    CPPUNIT_TEST(testBadJsonNamesLineAndColumn);
    CPPUNIT_TEST(testUnknownSchemaAttributeIsRefused);
    CPPUNIT_TEST(testManifestAbiMismatchIsRefused);
    CPPUNIT_TEST(testMappingOutsideManifestFolderIsRefused);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRealPostupManifestPasses();
    void testUnknownKeyIsRefused();
    void testWrongTypeIsRefused();
    void testIntegersBeyondInt64AreRefused();
    void testMissingRequiredKeyIsRefused();
    void testBadEnumIsRefused();
    void testBadJsonNamesLineAndColumn();
    void testUnknownSchemaAttributeIsRefused();
    void testManifestAbiMismatchIsRefused();
    void testMappingOutsideManifestFolderIsRefused();
};

} // namespace jobhost::tests
