// SimulatorTestSuite.h — jobhost postup-sim tests: the assembled suite.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

namespace jobhost::sim::test {

/// Builds the suite of every simulator fixture (caller owns the result).
class SimulatorTestSuite {
public:
  static CppUnit::Test* suite();
};

} // namespace jobhost::sim::test
