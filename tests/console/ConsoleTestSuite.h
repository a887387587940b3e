// ConsoleTestSuite.h — jobhost console tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

class ConsoleTestSuite {
public:
    // A new suite owning every console fixture; the caller owns the result.
    static CppUnit::Test* suite();
};
