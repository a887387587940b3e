// tests/host/postgres — PostgresTestSuite.cpp
// SPDX-License-Identifier: Apache-2.0
#include <cppunit/TestSuite.h>

#include "PostgresConnectorTest.h"
#include "PostgresServerTest.h"
#include "PostgresStoreTest.h"
#include "StoreCopyTest.h"
#include "StoreOptionTest.h"

namespace jobhost::tests {

CppUnit::Test* postgresTestSuite() {
    auto* suite = new CppUnit::TestSuite("PostgresTestSuite");
    suite->addTest(PostgresServerTest::suite());
    suite->addTest(PostgresConnectorTest::suite());
    suite->addTest(PostgresStoreTest::suite());
    suite->addTest(StoreCopyTest::suite());
    suite->addTest(StoreOptionTest::suite());
    return suite;
}

} // namespace jobhost::tests
