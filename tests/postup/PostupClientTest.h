// jobhost postup tests — PostupClientTest.h
// PostupClient against a scripted HTTP server: requests, parsing, §11 errors.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::plugins::postup::test {

class PostupClientTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostupClientTest);
    CPPUNIT_TEST(testBasicAuthAndListParsing);
    CPPUNIT_TEST(testKeysetPagingRequest);
    CPPUNIT_TEST(testRecipientDemographicsAndArrayFallback);
    CPPUNIT_TEST(testReportDownloadUrlAndStreaming);
    CPPUNIT_TEST(testUnauthorized);
    CPPUNIT_TEST(testForbiddenNamesOperation);
    CPPUNIT_TEST(testNotFoundConflictBadRequest);
    CPPUNIT_TEST(testThrottledAndServerErrorsAfterRetries);
    CPPUNIT_TEST(testErrorStatusInsideSuccess);
    CPPUNIT_TEST(testNonJsonSuccessIsBadResponse);
    CPPUNIT_TEST(testTransportError);
    CPPUNIT_TEST(testExportCalls);
    CPPUNIT_TEST_SUITE_END();

public:
    void testBasicAuthAndListParsing();
    void testKeysetPagingRequest();
    void testRecipientDemographicsAndArrayFallback();
    void testReportDownloadUrlAndStreaming();
    void testUnauthorized();
    void testForbiddenNamesOperation();
    void testNotFoundConflictBadRequest();
    void testThrottledAndServerErrorsAfterRetries();
    void testErrorStatusInsideSuccess();
    void testNonJsonSuccessIsBadResponse();
    void testTransportError();
    void testExportCalls();
};

} // namespace jobhost::plugins::postup::test
