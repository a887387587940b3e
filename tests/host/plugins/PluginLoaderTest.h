// tests/host/plugins — PluginLoaderTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

/// Loads real MODULE fixtures and pins the loader's exact refusal messages.
class PluginLoaderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PluginLoaderTest);
    CPPUNIT_TEST(testGoodPluginLoadsAndReportsRoles);
    CPPUNIT_TEST(testObjectsOutliveTheirLoadedPlugin);
    CPPUNIT_TEST(testWrongAbiIsRefused);
    CPPUNIT_TEST(testWrongBuildIdIsRefused);
    CPPUNIT_TEST(testStrippedPluginLoads);
    CPPUNIT_TEST(testFileThatIsNotAPluginIsRefused);
    CPPUNIT_TEST(testSharedLibraryWithoutExportsIsRefused);
    CPPUNIT_TEST(testMissingInfoSymbolIsRefused);
    CPPUNIT_TEST(testLibraryNameWithDotDotIsRefused);
    CPPUNIT_TEST(testMissingLibraryFileIsRefused);
    CPPUNIT_TEST(testNameMismatchIsRefused);
    CPPUNIT_TEST(testThrowingFactoriesBecomeErrors);
    CPPUNIT_TEST_SUITE_END();

public:
    void testGoodPluginLoadsAndReportsRoles();
    void testObjectsOutliveTheirLoadedPlugin();
    void testWrongAbiIsRefused();
    void testWrongBuildIdIsRefused();
    void testStrippedPluginLoads();
    void testFileThatIsNotAPluginIsRefused();
    void testSharedLibraryWithoutExportsIsRefused();
    void testMissingInfoSymbolIsRefused();
    void testLibraryNameWithDotDotIsRefused();
    void testMissingLibraryFileIsRefused();
    void testNameMismatchIsRefused();
    void testThrowingFactoriesBecomeErrors();
};

} // namespace jobhost::tests
