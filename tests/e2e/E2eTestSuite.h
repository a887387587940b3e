// E2eTestSuite.h — the explicitly assembled e2e suite.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

namespace jobhost::tests::e2e {

class E2eTestSuite {
public:
    static CppUnit::Test* suite();
};

} // namespace jobhost::tests::e2e
