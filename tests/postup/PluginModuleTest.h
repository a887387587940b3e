// jobhost postup tests — PluginModuleTest.h
// The built postup.so loaded by the host's PluginLoader, verify through it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

/// Needs jobhost::core (JOBHOST_POSTUP_HOST_LOADER); without it the test
/// only reports that it was skipped.
class PluginModuleTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PluginModuleTest);
    CPPUNIT_TEST(testLoadsAndVerifiesThroughLoader);
    CPPUNIT_TEST_SUITE_END();

public:
    void testLoadsAndVerifiesThroughLoader();
};

} // namespace jobhost::plugins::postup::test
