// tests/host/runtime — CliRuntimeTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class CliRuntimeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CliRuntimeTest);
    CPPUNIT_TEST(testApplyIsIdempotentAndAudited);
    CPPUNIT_TEST(testAuthTestStatuses);
    CPPUNIT_TEST(testSecretsNeverLeak);
    CPPUNIT_TEST(testUnknownJobAndCorruptStoreExitCodes);
    CPPUNIT_TEST_SUITE_END();

public:
    void testApplyIsIdempotentAndAudited();
    void testAuthTestStatuses();
    void testSecretsNeverLeak();
    void testUnknownJobAndCorruptStoreExitCodes();
};

} // namespace jobhost::tests
