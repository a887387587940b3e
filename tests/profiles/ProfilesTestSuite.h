// ProfilesTestSuite.h — jobhost profiles tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

class ProfilesTestSuite {
public:
    // A new suite owning every profiles fixture; the caller owns the result.
    static CppUnit::Test* suite();
};
