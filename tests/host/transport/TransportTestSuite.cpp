// tests/host/transport — TransportTestSuite.cpp
// SPDX-License-Identifier: Apache-2.0
#include <cppunit/TestSuite.h>

#include "ClockTest.h"
#include "HostileResponseTest.h"
#include "PocoHttpTransportTest.h"
#include "RedactorTest.h"
#include "RetryPolicyTest.h"
#include "TokenBucketTest.h"

namespace jobhost::tests {

CppUnit::Test* transportTestSuite() {
    auto* suite = new CppUnit::TestSuite("TransportTestSuite");
    suite->addTest(ClockTest::suite());
    suite->addTest(RetryPolicyTest::suite());
    suite->addTest(RedactorTest::suite());
    suite->addTest(TokenBucketTest::suite());
    suite->addTest(PocoHttpTransportTest::suite());
    suite->addTest(HostileResponseTest::suite());
    return suite;
}

} // namespace jobhost::tests
