// AudiencesTestSuite.h — jobhost audiences tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/Test.h>

class AudiencesTestSuite {
public:
    static CppUnit::Test* suite();
};
