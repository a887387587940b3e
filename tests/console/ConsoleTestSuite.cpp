// ConsoleTestSuite.cpp — jobhost console tests: the explicitly assembled suite.
// SPDX-License-Identifier: Apache-2.0
#include "ConsoleTestSuite.h"

#include "ApiRouterTest.h"
#include "AuthorizationApiTest.h"
#include "ConsoleApiTest.h"
#include "ConsoleTokenTest.h"
#include "ExportApiTest.h"
#include "ProfileApiTest.h"
#include "JobApiTest.h"
#include "MetricsApiTest.h"
#include "MetricsWriterTest.h"
#include "OpenApiTest.h"
#include "RunProgressTest.h"

#include <cppunit/TestSuite.h>

CppUnit::Test* ConsoleTestSuite::suite()
{
    auto* s = new CppUnit::TestSuite("ConsoleTestSuite");
    s->addTest(ApiRouterTest::suite());
    s->addTest(ConsoleTokenTest::suite());
    s->addTest(MetricsWriterTest::suite());
    s->addTest(ConsoleApiTest::suite());
    s->addTest(AuthorizationApiTest::suite());
    s->addTest(JobApiTest::suite());
    s->addTest(ExportApiTest::suite());
    s->addTest(ProfileApiTest::suite());
    s->addTest(MetricsApiTest::suite());
    s->addTest(OpenApiTest::suite());
    s->addTest(RunProgressTest::suite());
    return s;
}
