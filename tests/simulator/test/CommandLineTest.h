// CommandLineTest.h — jobhost postup-sim tests: CLI parsing and the postup-sim executable.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace jobhost::sim::test {

/// CommandLine::parse, plus the real executable when its path was passed to
/// the runner (first argument): bad flags exit 64, the listening line is
/// printed, SIGTERM stops it cleanly.
class CommandLineTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CommandLineTest);
  CPPUNIT_TEST(testParsesAllFlags);
  CPPUNIT_TEST(testBadFlags);
  CPPUNIT_TEST(testUsersAndFaults);
  CPPUNIT_TEST(testExecutable);
  CPPUNIT_TEST_SUITE_END();

public:
  void testParsesAllFlags();
  void testBadFlags();
  void testUsersAndFaults();
  void testExecutable();

  /// Path of postup-sim; empty skips testExecutable's process part.
  static std::string executable;
};

} // namespace jobhost::sim::test
