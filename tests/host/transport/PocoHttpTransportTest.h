// tests/host/transport — PocoHttpTransportTest.h
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class PocoHttpTransportTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PocoHttpTransportTest);
    CPPUNIT_TEST(testSuccessReturnsBodyAndHeaders);
    CPPUNIT_TEST(testRequestBodyAndHeadersAreSent);
    CPPUNIT_TEST(testRetries503WithFullJitterBackoff);
    CPPUNIT_TEST(testRetryableStatusesAreRetried);
    CPPUNIT_TEST(testNoRetryOnPermanent4xx);
    CPPUNIT_TEST(testRetryAfterSecondsIsHonoured);
    CPPUNIT_TEST(testRetryAfterHttpDateIsHonoured);
    CPPUNIT_TEST(testRetryAfterBeyondElapsedCapGivesUp);
    CPPUNIT_TEST(testAttemptCapReturnsLastStatus);
    CPPUNIT_TEST(testElapsedCapStopsRetrying);
    CPPUNIT_TEST(testClosedConnectionIsRetried);
    CPPUNIT_TEST(testConnectionRefusedIsRetriedThenReported);
    CPPUNIT_TEST(testTimeoutIsRetried);
    CPPUNIT_TEST(testTruncatedBodyIsRetriedAndSinkReset);
    CPPUNIT_TEST(testStreamsLargeBodyIntoSink);
    CPPUNIT_TEST(testSinkResetBeforeEachAttemptsBody);
    CPPUNIT_TEST(testErrorBodyGoesToResponseTruncated);
    CPPUNIT_TEST(testSinkAbortStopsWithoutRetry);
    CPPUNIT_TEST(testCancelDuringBackoff);
    CPPUNIT_TEST(testCancelBeforeSend);
    CPPUNIT_TEST(testRateLimiterWaitsBeforeEachAttempt);
    CPPUNIT_TEST(testCanaryNeverLogged);
    CPPUNIT_TEST(testInvalidUrlFailsFast);
    CPPUNIT_TEST(testHttpsAgainstPlainServerFailsCleanly);
    CPPUNIT_TEST(testHttpsVerifiesCertificatesByDefault);
    CPPUNIT_TEST(testHttpsWithTrustedCaSucceeds);
    CPPUNIT_TEST(testMalformedUrlDoesNotLeakUserInfo);
    CPPUNIT_TEST(testConcurrentSendsFromManyThreads);
    CPPUNIT_TEST(testKeepAliveReusesOneConnection);
    CPPUNIT_TEST(testKeepAliveOffOpensOneConnectionPerAttempt);
    CPPUNIT_TEST(testServerClosedIdleConnectionIsNotReused);
    CPPUNIT_TEST(testRetryAfterResetUsesFreshConnection);
    CPPUNIT_TEST(testCutErrorBodyClosesConnection);
    CPPUNIT_TEST(testHttpsKeepAliveReusesConnection);
    CPPUNIT_TEST_SUITE_END();

public:
    void testSuccessReturnsBodyAndHeaders();
    void testRequestBodyAndHeadersAreSent();
    void testRetries503WithFullJitterBackoff();
    void testRetryableStatusesAreRetried();
    void testNoRetryOnPermanent4xx();
    void testRetryAfterSecondsIsHonoured();
    void testRetryAfterHttpDateIsHonoured();
    void testRetryAfterBeyondElapsedCapGivesUp();
    void testAttemptCapReturnsLastStatus();
    void testElapsedCapStopsRetrying();
    void testClosedConnectionIsRetried();
    void testConnectionRefusedIsRetriedThenReported();
    void testTimeoutIsRetried();
    void testTruncatedBodyIsRetriedAndSinkReset();
    void testStreamsLargeBodyIntoSink();
    void testSinkResetBeforeEachAttemptsBody();
    void testErrorBodyGoesToResponseTruncated();
    void testSinkAbortStopsWithoutRetry();
    void testCancelDuringBackoff();
    void testCancelBeforeSend();
    void testRateLimiterWaitsBeforeEachAttempt();
    void testCanaryNeverLogged();
    void testInvalidUrlFailsFast();
    void testHttpsAgainstPlainServerFailsCleanly();
    void testHttpsVerifiesCertificatesByDefault();
    void testHttpsWithTrustedCaSucceeds();
    void testMalformedUrlDoesNotLeakUserInfo();
    void testConcurrentSendsFromManyThreads();
    void testKeepAliveReusesOneConnection();
    void testKeepAliveOffOpensOneConnectionPerAttempt();
    void testServerClosedIdleConnectionIsNotReused();
    void testRetryAfterResetUsesFreshConnection();
    void testCutErrorBodyClosesConnection();
    void testHttpsKeepAliveReusesConnection();
};

} // namespace jobhost::tests
