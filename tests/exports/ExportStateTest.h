// jobhost exports tests — ExportStateTest.h
// The PostUp export's job-state JSON and the column restriction of its templates.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::host::exports::test {

class ExportStateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExportStateTest);
    CPPUNIT_TEST(testRoundTripKeepsPartialTemplatesAndPendingImports);
    CPPUNIT_TEST(testVersionOnePendingImportIsRead);
    CPPUNIT_TEST(testRestrictedTemplateKeepsPresentColumnsOnly);
    CPPUNIT_TEST_SUITE_END();

public:
    void testRoundTripKeepsPartialTemplatesAndPendingImports();
    void testVersionOnePendingImportIsRead();
    void testRestrictedTemplateKeepsPresentColumnsOnly();
};

} // namespace jobhost::host::exports::test
