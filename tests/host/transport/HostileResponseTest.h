// HostileResponseTest.h — jobhost transport tests: a hostile "PostUp" (postup-sim hostile faults) against PocoHttpTransport's limits.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cppunit/extensions/HelperMacros.h>

namespace jobhost::tests {

class HostileResponseTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HostileResponseTest);
    CPPUNIT_TEST(testHugeAnnouncedBodyFailsBeforeReading);
    CPPUNIT_TEST(testEndlessChunkedBodyStopsAtTheSizeLimit);
    CPPUNIT_TEST(testEndlessBodyIntoSinkStopsAtTheTimeLimit);
    CPPUNIT_TEST(testWrongContentTypeFails);
    CPPUNIT_TEST(testDeeplyNestedJsonFails);
    CPPUNIT_TEST(testInvalidUtf8Fails);
    CPPUNIT_TEST(testLimitsComeFromTheManifest);
    CPPUNIT_TEST(testBodyCheckAcceptsValidUtf8AndRejectsOverlongsAndSurrogates);
    CPPUNIT_TEST_SUITE_END();

public:
    void testHugeAnnouncedBodyFailsBeforeReading();
    void testEndlessChunkedBodyStopsAtTheSizeLimit();
    void testEndlessBodyIntoSinkStopsAtTheTimeLimit();
    void testWrongContentTypeFails();
    void testDeeplyNestedJsonFails();
    void testInvalidUtf8Fails();
    void testLimitsComeFromTheManifest();
    void testBodyCheckAcceptsValidUtf8AndRejectsOverlongsAndSurrogates();
};

} // namespace jobhost::tests
