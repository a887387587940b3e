// MetricsWriterTest.h — jobhost console tests: Prometheus text exposition
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>

#include "ConsoleFixture.h"

class MetricsWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MetricsWriterTest);
    CPPUNIT_TEST(testFamilyDeclaredOnce);
    CPPUNIT_TEST(testLabelEscaping);
    CPPUNIT_TEST(testHistogram);
    CPPUNIT_TEST(testNumberFormat);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testFamilyDeclaredOnce();
    void testLabelEscaping();
    void testHistogram();
    void testNumberFormat();

private:
    std::unique_ptr<ConsoleFixture> _pConsole;
};
