// jobhost postup tests — PostupTestSuite.h
// The explicitly assembled suite of the PostUp connector.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

namespace jobhost::plugins::postup::test {

class PostupTestSuite {
public:
    /// A new suite owning every postup fixture; the caller owns the result.
    static CppUnit::Test* suite();
};

} // namespace jobhost::plugins::postup::test
