// tests/host/store — StoreTestSuite.cpp
// SPDX-License-Identifier: Apache-2.0
#include <cppunit/TestSuite.h>

#include "RepositoryTest.h"
#include "SecretsTest.h"
#include "StreamLogTest.h"
#include "StoreLocationTest.h"
#include "StoreTest.h"

namespace jobhost::tests {

CppUnit::Test* storeTestSuite() {
    auto* suite = new CppUnit::TestSuite("StoreTestSuite");
    suite->addTest(StoreTest::suite());
    suite->addTest(RepositoryTest::suite());
    suite->addTest(SecretsTest::suite());
    suite->addTest(StreamLogTest::suite());
    suite->addTest(StoreLocationTest::suite());
    return suite;
}

} // namespace jobhost::tests
