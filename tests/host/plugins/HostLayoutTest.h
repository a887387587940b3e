// tests/host/plugins — HostLayoutTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

/// HostLayout resolution from fake executables in temporary trees, and
/// CliApplication::defaultPaths' environment overrides.
class HostLayoutTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostLayoutTest);
    CPPUNIT_TEST(testBuildTreeFromExecutable);
    CPPUNIT_TEST(testInstallPrefixFromExecutable);
    CPPUNIT_TEST(testUnknownPlaceFallsBackToCompiledIn);
    CPPUNIT_TEST(testEnvironmentOverridesLayout);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testBuildTreeFromExecutable();
    void testInstallPrefixFromExecutable();
    void testUnknownPlaceFallsBackToCompiledIn();
    void testEnvironmentOverridesLayout();

private:
    /// Creates `relative` (a folder when it ends in '/', else an empty file) below the temp root.
    std::string make(const std::string& relative);
    std::string _root;
};

} // namespace jobhost::tests
