// DiskFaultTest.h — jobhost runtime tests: the store's file system full or read-only under a real `jobhost job run`.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class DiskFaultTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DiskFaultTest);
    CPPUNIT_TEST(testFullDiskFailsClearlyKeepsCommittedWorkAndResumes);
    CPPUNIT_TEST(testReadOnlyStoreFailsClearlyKeepsCommittedWorkAndResumes);
    CPPUNIT_TEST_SUITE_END();

public:
    void testFullDiskFailsClearlyKeepsCommittedWorkAndResumes();
    void testReadOnlyStoreFailsClearlyKeepsCommittedWorkAndResumes();
};

} // namespace jobhost::tests
