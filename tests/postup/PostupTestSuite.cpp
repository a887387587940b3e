// jobhost postup tests — PostupTestSuite.cpp
// SPDX-License-Identifier: Apache-2.0
#include "PostupTestSuite.h"

#include <cppunit/TestSuite.h>

#include "ImportConfigTest.h"
#include "ImportStateTest.h"
#include "PostupAuthorizationTest.h"
#include "PostupClientTest.h"
#include "PostupDateTest.h"
#include "PostupImportTest.h"
#include "PluginModuleTest.h"
#include "ReportParserTest.h"
#include "ReportTimeZoneTest.h"
#include "TimeZoneTest.h"

namespace jobhost::plugins::postup::test {

CppUnit::Test* PostupTestSuite::suite() {
    auto* s = new CppUnit::TestSuite("PostupTestSuite");
    s->addTest(PostupDateTest::suite());
    s->addTest(TimeZoneTest::suite());
    s->addTest(ReportParserTest::suite());
    s->addTest(ReportTimeZoneTest::suite());
    s->addTest(ImportStateTest::suite());
    s->addTest(ImportConfigTest::suite());
    s->addTest(PostupClientTest::suite());
    s->addTest(PostupAuthorizationTest::suite());
    s->addTest(PostupImportTest::suite());
    s->addTest(PluginModuleTest::suite());
    return s;
}

} // namespace jobhost::plugins::postup::test
