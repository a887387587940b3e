// jobhost exports tests — PostupExportJobTest.h
// The PostUp ExportJob against the in-process simulator.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include <cppunit/extensions/HelperMacros.h>

#include "jobhost/sim/SimulatorServer.h"

namespace jobhost::host::exports::test {

class PostupExportJobTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostupExportJobTest);
    CPPUNIT_TEST(testEmailAddressRules);
    CPPUNIT_TEST(testSyncMakesListEqualAudience);
    CPPUNIT_TEST(testConfiguredListAndTemplateReused);
    CPPUNIT_TEST(testExitUnsubscribesOnlyWithRemoveOnExit);
    CPPUNIT_TEST(testMappedFieldsArriveAsDemographics);
    CPPUNIT_TEST(testMissingFieldLeavesDemographicAlone);
    CPPUNIT_TEST(testOptedOutRecipientSkipped);
    CPPUNIT_TEST(testBadEmailsRejectedRestDelivered);
    CPPUNIT_TEST(testCurrencyMappingRefusedBeforeAnyCall);
    CPPUNIT_TEST(testUnknownFieldRefused);
    CPPUNIT_TEST(testFaultsEndWithSameList);
    CPPUNIT_TEST(testInterruptedImportIsResumedNotRepeated);
    CPPUNIT_TEST(testLostImportAnswerIsFoundNotSentAgain);
    CPPUNIT_TEST(testResumedDeliveryInterruptedAgainIsNotRepeated);
    CPPUNIT_TEST_SUITE_END();

public:
    void setUp() override;
    void tearDown() override;

    void testEmailAddressRules();
    void testSyncMakesListEqualAudience();
    void testConfiguredListAndTemplateReused();
    void testExitUnsubscribesOnlyWithRemoveOnExit();
    void testMappedFieldsArriveAsDemographics();
    void testMissingFieldLeavesDemographicAlone();
    void testOptedOutRecipientSkipped();
    void testBadEmailsRejectedRestDelivered();
    void testCurrencyMappingRefusedBeforeAnyCall();
    void testUnknownFieldRefused();
    void testFaultsEndWithSameList();
    void testInterruptedImportIsResumedNotRepeated();
    void testLostImportAnswerIsFoundNotSentAgain();
    void testResumedDeliveryInterruptedAgainIsNotRepeated();

private:
    std::unique_ptr<sim::SimulatorServer> _pSim;
};

} // namespace jobhost::host::exports::test
