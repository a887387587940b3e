// jobhost exports tests — ExportsTestSuite.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

namespace jobhost::host::exports::test {

/// Every fixture of the exports area, assembled explicitly.
class ExportsTestSuite {
public:
    static CppUnit::Test* suite();
};

} // namespace jobhost::host::exports::test
