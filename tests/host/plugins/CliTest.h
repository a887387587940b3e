// tests/host/plugins — CliTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class CliTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CliTest);
    CPPUNIT_TEST(testValidateGoodManifest);
    CPPUNIT_TEST(testValidateBrokenJsonExits78WithPosition);
    CPPUNIT_TEST(testValidateConfigErrorsExit78);
    CPPUNIT_TEST(testValidateRefusesUnknownTimeZoneAndNonUrl);
    CPPUNIT_TEST(testPluginsListsProvidersAndLoadErrors);
    CPPUNIT_TEST(testUnknownCommandExits64);
    CPPUNIT_TEST(testVerbHelp);
    CPPUNIT_TEST(testMissingFileExits78);
    CPPUNIT_TEST(testEveryVerbRefusesMissingAndMalformedArgumentsWith64AndItsUsage);
    CPPUNIT_TEST_SUITE_END();

public:
    void testValidateGoodManifest();
    void testValidateBrokenJsonExits78WithPosition();
    void testValidateConfigErrorsExit78();
    void testValidateRefusesUnknownTimeZoneAndNonUrl();
    void testPluginsListsProvidersAndLoadErrors();
    void testUnknownCommandExits64();
    void testVerbHelp();
    void testMissingFileExits78();
    void testEveryVerbRefusesMissingAndMalformedArgumentsWith64AndItsUsage();
};

} // namespace jobhost::tests
