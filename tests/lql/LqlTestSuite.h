// LqlTestSuite.h — jobhost lql tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

class LqlTestSuite {
public:
    // A new suite owning every lql fixture; the caller owns the result.
    static CppUnit::Test* suite();
};
